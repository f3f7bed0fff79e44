package org.opencustoms.inspection.task;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.common.identity.Roles;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    static final int MAX_PAGE_SIZE = 200;

    @Inject
    TaskService service;
    @Inject
    TaskRepository tasks;
    @Inject
    TaskViews views;
    @Inject
    SecurityIdentity caller;
    @Inject
    TaskAccess access;

    @POST
    @RolesAllowed(Roles.SELECTION_SERVICE)
    @Operation(summary = "Create the task for a selection decision (selection-service only; idempotent on decisionId: 201 the first time, 200 after)")
    public Response create(HandoffRequest handoff) {
        if (handoff == null) {
            throw ProblemException.badRequest("missing-body", "a hand-off body is required");
        }
        TaskRepository.Created created = service.create(handoff, name());
        TaskView view = views.full(created.task(), caller);
        return (created.created() ? Response.created(URI.create("/api/v1/inspections/" + view.id())) : Response.ok())
                .entity(view).tag(etag(view.version())).build();
    }

    @POST
    @Path("/cancellations")
    @RolesAllowed(Roles.SELECTION_SERVICE)
    @Operation(summary = "Cancel the live task of a shipment whose filing was withdrawn or released after an amendment (selection-service only; idempotent)")
    @APIResponse(responseCode = "200", description = "The cancelled task, or cancelled false when the filing has no live task of that version or older")
    public Response cancel(CancellationRequest cancellation) {
        if (cancellation == null) {
            throw ProblemException.badRequest("missing-body", "a cancellation body is required");
        }
        return service.cancel(cancellation, name())
                .map(task -> Response.ok(new Cancellation(true, task.id(), task.status())).build())
                .orElseGet(() -> Response.ok(new Cancellation(false, null, null)).build());
    }

    public record Cancellation(boolean cancelled, UUID taskId, TaskStatus status) {
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    @Operation(summary = "Tasks, soonest due first; assignee=me means the caller. An inspector sees the tasks of its own ports only.")
    public TaskPage list(@QueryParam("status") String status, @QueryParam("port") String port, @QueryParam("assignee") String assignee,
                         @QueryParam("lane") String lane, @QueryParam("dueBefore") String dueBefore,
                         @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        if (status != null && Set.of("OPEN", "CLAIMED", "SUBMITTED", "CANCELLED").stream().noneMatch(status::equals)) {
            violations.add(new FieldViolation("status", "OPEN, CLAIMED, SUBMITTED or CANCELLED"));
        }
        if (lane != null && !TaskService.LANES.contains(lane)) {
            violations.add(new FieldViolation("lane", "DOCUMENT_REVIEW, NII_SCAN or PHYSICAL_EXAM"));
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "page 0 or more, size 1 to " + MAX_PAGE_SIZE));
        }
        Instant due = null;
        if (dueBefore != null) {
            try {
                due = Instant.parse(dueBefore);
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("dueBefore", "an ISO-8601 instant such as 2026-11-28T18:00:00Z"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid task query", violations);
        }
        String who = "me".equals(assignee) ? name() : assignee;
        TaskRepository.Page found = tasks.list(new TaskRepository.TaskFilter(status, port, access.listablePorts(), who, lane, due), page, size);
        return new TaskPage(found.tasks().stream().map(t -> views.summary(t, caller)).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    @Operation(summary = "A task with its scan findings and latest outcome; the ETag is its version, for If-Match")
    public Response get(@PathParam("id") UUID id) {
        TaskView view = views.full(access.require(id), caller);
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Take an open task (409 when someone else has it)")
    public Response claim(@PathParam("id") UUID id) {
        access.require(id);
        return withTag(views.full(service.claim(id, name()), caller));
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    @Operation(summary = "Give a claimed task back to the queue (its assignee or a supervisor)")
    public Response release(@PathParam("id") UUID id) {
        access.require(id);
        return withTag(views.full(service.release(id, name(), caller.hasRole(Roles.SUPERVISOR)), caller));
    }

    @PUT
    @Path("/{id}/assignee")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Reassign a task to an inspector")
    public Response assign(@PathParam("id") UUID id, Assignment assignment) {
        return withTag(views.full(service.assign(id, assignment == null ? null : assignment.assignee(), name()), caller));
    }

    private String name() {
        return caller.getPrincipal().getName();
    }

    static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    private static Response withTag(TaskView view) {
        return Response.ok(view).tag(etag(view.version())).build();
    }

    public record Assignment(String assignee) {
    }

    public record TaskPage(List<TaskView> items, int page, int size, long total) {
    }
}
