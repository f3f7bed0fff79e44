package org.opencustoms.scan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.common.problem.QueryValues;
import org.opencustoms.scan.catalog.ScanRepository;
import org.opencustoms.scan.catalog.ScanStatus;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.scan.catalog.ScanRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    static final int MIN_WIDTH = 16;
    static final int MAX_WIDTH = 4096;

    static final int MAX_PAGE_SIZE = 500;

    private final ScanAccess access;
    private final DisplayImages images;
    private final ScanRepository repository;

    @Inject
    public ScanResource(ScanAccess access, DisplayImages images, ScanRepository repository) {
        this.access = access;
        this.images = images;
        this.repository = repository;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Scans received, newest first, by time (ISO 8601 instants, from inclusive, to exclusive), scanner, site and "
            + "status: which certified scanner sent what, and when")
    public List<ScanRecord> list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("scanner") String scanner,
                                 @QueryParam("site") String site, @QueryParam("status") String status,
                                 @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        java.time.Instant fromInstant = QueryValues.instant("from", from, violations);
        java.time.Instant toInstant = QueryValues.instant("to", to, violations);
        ScanStatus state = null;
        if (status != null) {
            try {
                state = ScanStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("status", "one of " + List.of(ScanStatus.values())));
            }
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "page 0 or more, size 1 to " + MAX_PAGE_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid scan query", violations);
        }
        return repository.list(new ScanRepository.ScanQuery(fromInstant, toInstant, scanner, site, state, page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.INSPECTION_SERVICE})
    @Operation(summary = "A stored scan's metadata and analysis status")
    public ScanRecord scan(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("/{id}/image")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.INSPECTION_SERVICE})
    @Produces("image/png")
    @Operation(summary = "A display rendition of the scan: 8-bit grayscale PNG, air white, at most `width` pixels wide")
    public Response image(@PathParam("id") String id,
                          @QueryParam("width") @DefaultValue("1024") int width,
                          @QueryParam("channel") @DefaultValue("high") String channel,
                          @Context Request request) throws IOException {
        ScanRecord scan = find(id);
        List<FieldViolation> violations = new ArrayList<>();
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            violations.add(new FieldViolation("width", "must be between " + MIN_WIDTH + " and " + MAX_WIDTH));
        }
        boolean low = "low".equals(channel);
        if (!low && !"high".equals(channel)) {
            violations.add(new FieldViolation("channel", "must be high or low"));
        } else if (low && scan.energyChannels() < 2) {
            violations.add(new FieldViolation("channel", "this scan has a single energy channel; ask for high"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid image request", violations);
        }
        EntityTag tag = new EntityTag(scan.payloadSha256().substring(0, 16) + "-" + channel + "-" + width);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        byte[] png = images.png(scan.payloadSha256(), low, width, scan);
        return Response.ok(png, "image/png").tag(tag).header("Cache-Control", "private, max-age=86400").build();
    }

    private ScanRecord find(String id) {
        return access.require(id);
    }
}
