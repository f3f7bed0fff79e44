package org.opencustoms.inspection.finding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.inspection.db.Db;

import java.util.UUID;
import org.opencustoms.inspection.task.TaskRepository;

/** Scan findings by container number, for scans made before (or without knowing) their task. */
@Path("/api/v1/scan-findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScanFindingIntakeResource {

    @Inject
    Db db;
    @Inject
    FindingRepository findings;
    @Inject
    TaskRepository tasks;

    @POST
    @RolesAllowed(Roles.SCAN_ANALYSIS_SERVICE)
    @Operation(summary = "A scan finding by container number: attached to the container's open task, or kept until the task appears")
    public Response byContainer(ScanFindingRequest finding) {
        TaskFindingResource.validate(finding);
        FindingRepository.Recorded recorded = db.transaction(tx -> {
            var open = tx.query("select id from inspection.task where $1 = any(containers) and status in ('OPEN', 'CLAIMED') "
                    + "order by created_at desc limit 1", finding.containerNumber());
            UUID taskId = open.rowCount() == 0 ? null : open.iterator().next().getUUID(0);
            FindingRepository.Recorded result = findings.record(tx, taskId, finding);
            if (result.created() && taskId != null) {
                tasks.recordEvent(tx, taskId, Roles.SCAN_ANALYSIS_SERVICE, "FINDING_ATTACHED", "scan " + finding.scanId());
            }
            return result;
        });
        return TaskFindingResource.answer(recorded);
    }
}
