package org.opencustoms.inspection.appeal;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.mutiny.sqlclient.Row;
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
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.inspection.db.Db;
import org.opencustoms.inspection.task.TaskAccess;
import org.opencustoms.inspection.task.TaskRepository;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An importer's appeal of an outcome and a supervisor's decision on it, both kept with who and when. */
@Path("/api/v1/inspections/{id}/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppealResource {

    static final Set<String> DECISIONS = Set.of("UPHELD", "OVERTURNED", "PARTIALLY_UPHELD");
    private static final String COLUMNS = "id, task_id, outcome_version, appellant, grounds, filed_by, filed_at, status, reasoning, decided_by, decided_at";

    @Inject
    Db db;
    @Inject
    TaskRepository tasks;
    @Inject
    SecurityIdentity caller;
    @Inject
    TaskAccess access;

    @POST
    @RolesAllowed(Roles.IMPORTER)
    @Operation(summary = "Appeal the task's current outcome (the importer of the inspected filing)")
    public Response file(@PathParam("id") UUID taskId, AppealRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        // the appellant is the importer party the token names, never a free text
        String appellant = Caller.of(caller).party();
        if (request != null && request.appellant() != null && !request.appellant().equals(appellant)) {
            violations.add(new FieldViolation("appellant", "optional; when given, the party your token names (" + appellant + ")"));
        }
        if (request == null || request.grounds() == null || request.grounds().isBlank() || request.grounds().length() > 5000) {
            violations.add(new FieldViolation("grounds", "required: why, at most 5000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid appeal", violations);
        }
        access.require(taskId);
        String actor = caller.getPrincipal().getName();
        Appeal appeal = db.transaction(tx -> {
            tasks.findForUpdate(tx, taskId).orElseThrow(() -> ProblemException.notFound("Inspection task", taskId));
            int outcomeVersion = tx.query("select coalesce(max(version), 0) from inspection.outcome_version where task_id = $1", taskId)
                    .iterator().next().getInteger(0);
            if (outcomeVersion == 0) {
                throw new ProblemException(Problem.of(409, "no-outcome", "Conflict", "the task has no recorded outcome to appeal"));
            }
            Row row = tx.query("insert into inspection.appeal (id, task_id, outcome_version, appellant, grounds, filed_by, filed_at, status) "
                            + "values ($1, $2, $3, $4, $5, $6, now(), 'OPEN') returning " + COLUMNS,
                    UUID.randomUUID(), taskId, outcomeVersion, appellant, request.grounds(), actor).iterator().next();
            tasks.recordEvent(tx, taskId, actor, "APPEAL_FILED", "against outcome version " + outcomeVersion);
            return toAppeal(row);
        });
        return Response.created(URI.create("/api/v1/inspections/" + taskId + "/appeals/" + appeal.id())).entity(appeal).build();
    }

    @GET
    @RolesAllowed({Roles.IMPORTER, Roles.INSPECTOR, Roles.SUPERVISOR})
    public List<Appeal> list(@PathParam("id") UUID taskId) {
        access.require(taskId);
        List<Appeal> appeals = new ArrayList<>();
        db.query("select " + COLUMNS + " from inspection.appeal where task_id = $1 order by filed_at", taskId).forEach(r -> appeals.add(toAppeal(r)));
        return appeals;
    }

    @POST
    @Path("/{appealId}/decision")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Decide an open appeal: UPHELD (the outcome stands), OVERTURNED or PARTIALLY_UPHELD")
    public Appeal decide(@PathParam("id") UUID taskId, @PathParam("appealId") UUID appealId, AppealDecision decision) {
        List<FieldViolation> violations = new ArrayList<>();
        if (decision == null || decision.decision() == null || !DECISIONS.contains(decision.decision())) {
            violations.add(new FieldViolation("decision", "UPHELD, OVERTURNED or PARTIALLY_UPHELD"));
        }
        if (decision == null || decision.reasoning() == null || decision.reasoning().isBlank() || decision.reasoning().length() > 5000) {
            violations.add(new FieldViolation("reasoning", "required: the grounds of the decision, at most 5000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid appeal decision", violations);
        }
        String actor = caller.getPrincipal().getName();
        return db.transaction(tx -> {
            var updated = tx.query("update inspection.appeal set status = $3, reasoning = $4, decided_by = $5, decided_at = now() "
                    + "where id = $1 and task_id = $2 and status = 'OPEN' returning " + COLUMNS, appealId, taskId, decision.decision(),
                    decision.reasoning(), actor);
            if (updated.rowCount() == 0) {
                boolean exists = tx.query("select 1 from inspection.appeal where id = $1 and task_id = $2", appealId, taskId).rowCount() > 0;
                throw exists ? new ProblemException(Problem.of(409, "appeal-decided", "Conflict", "the appeal was already decided"))
                        : ProblemException.notFound("Appeal", appealId);
            }
            tasks.recordEvent(tx, taskId, actor, "APPEAL_DECIDED", decision.decision());
            return toAppeal(updated.iterator().next());
        });
    }

    private static Appeal toAppeal(Row row) {
        return new Appeal(row.getUUID("id"), row.getUUID("task_id"), row.getInteger("outcome_version"), row.getString("appellant"),
                row.getString("grounds"), row.getString("filed_by"), Db.instant(row, "filed_at"), row.getString("status"),
                row.getString("reasoning"), row.getString("decided_by"), Db.instant(row, "decided_at"));
    }

    public record AppealRequest(String appellant, String grounds) {
    }

    public record AppealDecision(String decision, String reasoning) {
    }

    public record Appeal(UUID id, UUID taskId, int outcomeVersion, String appellant, String grounds, String filedBy, Instant filedAt,
                         String status, String reasoning, String decidedBy, Instant decidedAt) {
    }
}
