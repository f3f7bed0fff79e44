package org.opencustoms.inspection.finding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.inspection.db.Db;
import org.opencustoms.inspection.task.TaskAccess;
import org.opencustoms.inspection.task.TaskRepository;

import java.util.List;
import java.util.UUID;

/** Scan findings of a known task, and their display images. */
@Path("/api/v1/inspections/{id}/scan-findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskFindingResource {

    @Inject
    Db db;
    @Inject
    FindingRepository findings;
    @Inject
    TaskRepository tasks;
    @Inject
    ScanImageProxy images;
    @Inject
    TaskAccess access;

    @POST
    @RolesAllowed(Roles.SCAN_ANALYSIS_SERVICE)
    @Operation(summary = "Attach a scan finding to a task (idempotent on scanId: 201 the first time, 200 after)")
    public Response forTask(@PathParam("id") UUID taskId, ScanFindingRequest finding) {
        validate(finding);
        tasks.find(taskId).orElseThrow(() -> ProblemException.notFound("Inspection task", taskId));
        FindingRepository.Recorded recorded = db.transaction(tx -> {
            FindingRepository.Recorded result = findings.record(tx, taskId, finding);
            if (result.created()) {
                tasks.recordEvent(tx, taskId, Roles.SCAN_ANALYSIS_SERVICE, "FINDING_ATTACHED", "scan " + finding.scanId());
            }
            return result;
        });
        return answer(recorded);
    }

    @GET
    @Path("/{scanId}/image")
    @Produces("image/png")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    @Operation(summary = "The scan's display image, fetched from scan-analysis-service at the finding's image width")
    public Response image(@PathParam("id") UUID taskId, @PathParam("scanId") String scanId) {
        access.require(taskId);
        FindingRepository.StoredFinding finding = findings.find(scanId)
                .filter(f -> taskId.equals(f.taskId()))
                .orElseThrow(() -> ProblemException.notFound("Scan finding", scanId));
        return Response.ok(images.fetch(scanId, finding.finding().imageWidth()), "image/png")
                .header("Cache-Control", "private, max-age=86400").build();
    }

    static void validate(ScanFindingRequest finding) {
        if (finding == null) {
            throw ProblemException.badRequest("missing-body", "a scan finding body is required");
        }
        List<FieldViolation> violations = finding.violations();
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid scan finding", violations);
        }
    }

    static Response answer(FindingRepository.Recorded recorded) {
        return Response.status(recorded.created() ? 201 : 200)
                .entity(new Attached(recorded.finding().scanId(), recorded.finding().taskId())).build();
    }

    public record Attached(String scanId, UUID taskId) {
    }
}
