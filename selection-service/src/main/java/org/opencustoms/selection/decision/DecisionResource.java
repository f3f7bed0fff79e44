package org.opencustoms.selection.decision;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.opencustoms.common.identity.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Decisions", description = "Selection decisions with their place in the tamper-evident log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
public class DecisionResource {

    private final LoggedDecisions decisions;

    public DecisionResource(LoggedDecisions decisions) {
        this.decisions = decisions;
    }

    @GET
    @Path("decisions/{id}")
    @Operation(summary = "A decision with its log index and inclusion proof")
    public Uni<LoggedDecisions.LoggedDecision> decision(@PathParam("id") UUID id) {
        return decisions.byId(id);
    }
}
