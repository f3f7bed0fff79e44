package org.opencustoms.scan.api;

import jakarta.annotation.security.RolesAllowed;
import org.opencustoms.common.identity.Roles;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.scan.catalog.AnalysisRepository;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.ScanStatus;
import org.opencustoms.scan.catalog.StoredAnalysis;
import org.opencustoms.scan.findings.FindingDeliveries;
import org.opencustoms.scan.store.PayloadStore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

@Path("/api/v1/scans/{id}/analysis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.INSPECTION_SERVICE})
public class ScanAnalysisResource {

    private final ScanAccess access;
    private final AnalysisRepository analyses;
    private final FindingDeliveries findings;
    private final PayloadStore store;

    public ScanAnalysisResource(ScanAccess access, AnalysisRepository analyses, FindingDeliveries findings, PayloadStore store) {
        this.access = access;
        this.analyses = analyses;
        this.findings = findings;
        this.store = store;
    }

    @GET
    @Operation(summary = "The scan's analysis: status, threat and empty-container scores, regions, model version and timings")
    public ScanAnalysisView analysis(@PathParam("id") String id) {
        ScanRecord scan = access.require(id);
        if (scan.status() != ScanStatus.ANALYSED) {
            return ScanAnalysisView.pending(scan, analyses.error(id).orElse(null));
        }
        StoredAnalysis analysis = analyses.find(id).orElseThrow(() -> new IllegalStateException("scan " + id + " is ANALYSED without an analysis"));
        return ScanAnalysisView.analysed(scan, analysis, "/api/v1/scans/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                + "/analysis/rendition", findings.state(id));
    }

    @GET
    @Path("/rendition")
    @Produces("image/png")
    @Operation(summary = "The display rendition (CLAHE contrast, at most 2048 pixels wide), with the regions drawn and numbered "
            + "unless regions=false")
    public Response rendition(@PathParam("id") String id, @QueryParam("regions") @DefaultValue("true") boolean regions,
                              @Context Request request) throws IOException {
        ScanRecord scan = access.require(id);
        StoredAnalysis analysis = scan.status() != ScanStatus.ANALYSED ? null : analyses.find(id).orElse(null);
        if (analysis == null) {
            throw new ProblemException(Problem.of(409, "analysis-not-ready", "Analysis not ready",
                    "scan " + id + " is " + scan.status() + "; its rendition exists once it is ANALYSED"));
        }
        String sha256 = regions ? analysis.overlaySha256() : analysis.renditionSha256();
        EntityTag tag = new EntityTag(sha256.substring(0, 16));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        byte[] png;
        try (InputStream in = store.open(sha256, 0)) {
            png = in.readAllBytes();
        }
        return Response.ok(png, "image/png").tag(tag).header("Cache-Control", "private, max-age=86400").build();
    }
}
