package org.opencustoms.inspection.outcome;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.inspection.db.Json;
import org.opencustoms.inspection.task.TaskAccess;
import org.opencustoms.inspection.task.TaskRepository;
import org.opencustoms.inspection.task.TaskView;
import org.opencustoms.inspection.task.TaskViews;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/inspections/{id}/outcome")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    OutcomeService service;
    @Inject
    OutcomeRepository outcomes;
    @Inject
    TaskRepository tasks;
    @Inject
    TaskViews views;
    @Inject
    Json json;
    @Inject
    SecurityIdentity caller;
    @Inject
    TaskAccess access;

    @PUT
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    @Operation(summary = "Record the outcome (If-Match: the task version seen; a second PUT is a correction and needs correctionReason)")
    public Response record(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, OutcomeRequest outcome) {
        if (outcome == null) {
            throw ProblemException.badRequest("missing-body", "an outcome body is required");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw ProblemException.badRequest("bad-idempotency-key", "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        access.require(id);
        OutcomeService.Recorded recorded = service.record(id, ifMatch, idempotencyKey, outcome, caller.getPrincipal().getName(),
                caller.hasRole(Roles.SUPERVISOR));
        TaskView view = views.full(tasks.find(id).orElseThrow(), caller);
        Response.ResponseBuilder response = Response.ok(view).tag(new EntityTag(Integer.toString(view.version())))
                .header("Outcome-Version", recorded.outcomeVersion());
        if (recorded.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.INSPECTOR, Roles.SUPERVISOR})
    @Operation(summary = "Every recorded version of the outcome, the first first")
    public List<com.fasterxml.jackson.databind.node.ObjectNode> versions(@PathParam("id") UUID id) {
        access.require(id);
        return outcomes.history(id).stream().map(o -> o.toJson(json)).toList();
    }
}
