package org.opencustoms.scan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.opencustoms.common.identity.Roles;
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
@RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR, Roles.INSPECTION_SERVICE})
public class ScanResource {

    static final int MIN_WIDTH = 16;
    static final int MAX_WIDTH = 4096;

    private final ScanAccess access;
    private final DisplayImages images;

    @Inject
    public ScanResource(ScanAccess access, DisplayImages images) {
        this.access = access;
        this.images = images;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A stored scan's metadata and analysis status")
    public ScanRecord scan(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("/{id}/image")
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
