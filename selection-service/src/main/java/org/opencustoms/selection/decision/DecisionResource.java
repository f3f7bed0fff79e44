package org.opencustoms.selection.decision;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.opencustoms.common.identity.Caller;
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
    private final SecurityIdentity identity;

    public DecisionResource(LoggedDecisions decisions, SecurityIdentity identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    @GET
    @Path("decisions/{id}")
    @Operation(summary = "A decision with what its log entry commits to, both salts, its log index and inclusion proof (recorded as a disclosure)")
    public Uni<LoggedDecisions.LoggedDecision> decision(@PathParam("id") UUID id) {
        return decisions.byId(id, Caller.of(identity));
    }
}
