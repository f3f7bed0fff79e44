package org.opencustoms.inspection.task;

import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.QueryValues;
import org.opencustoms.inspection.db.Db;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Who did what to which task: every recorded event, for supervisors and auditors. */
@Path("/api/v1/task-events")
@Produces(MediaType.APPLICATION_JSON)
public class TaskEventResource {

    private static final int MAX_PAGE_SIZE = 500;

    @Inject
    Db db;

    public record TaskEvent(UUID taskId, Instant at, String actor, String actorRole, String kind, String detail) {
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Task events, newest first, by time (ISO 8601 instants, from inclusive, to exclusive), actor, kind and task")
    public List<TaskEvent> list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
                                @QueryParam("kind") String kind, @QueryParam("task") String task,
                                @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant fromInstant = QueryValues.instant("from", from, violations);
        Instant toInstant = QueryValues.instant("to", to, violations);
        UUID taskId = null;
        if (task != null) {
            try {
                taskId = UUID.fromString(task);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("task", "a task id (UUID)"));
            }
        }
        if (kind != null && !kind.matches("[A-Z_]{1,40}")) {
            violations.add(new FieldViolation("kind", "an event kind such as CLAIMED or OUTCOME_RECORDED"));
        }
        if (actor != null && (actor.isBlank() || actor.length() > 128)) {
            violations.add(new FieldViolation("actor", "1 to 128 characters"));
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "page 0 or more, size 1 to " + MAX_PAGE_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid event query", violations);
        }
        List<TaskEvent> events = new ArrayList<>();
        db.query("select task_id, at, actor, actor_role, kind, detail from inspection.task_event "
                        + "where ($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2) "
                        + "and ($3::text is null or actor = $3) and ($4::text is null or kind = $4) and ($5::uuid is null or task_id = $5) "
                        + "order by at desc, id desc limit $6 offset $7",
                        fromInstant == null ? null : fromInstant.atOffset(ZoneOffset.UTC), toInstant == null ? null : toInstant.atOffset(ZoneOffset.UTC),
                        actor, kind, taskId, size, (long) page * size)
                .forEach(row -> events.add(event(row)));
        return events;
    }

    private static TaskEvent event(Row row) {
        return new TaskEvent(row.getUUID("task_id"), row.getOffsetDateTime("at").toInstant(), row.getString("actor"),
                row.getString("actor_role"), row.getString("kind"), row.getString("detail"));
    }
}
