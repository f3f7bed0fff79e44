package org.opencustoms.selection.rules;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.opencustoms.common.identity.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.common.problem.ProblemException;

@Path("/api/v1/admin/rule-sets")
@Tag(name = "Risk rules", description = "The versioned rule set (analysts)")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    private final RuleSetService ruleSets;
    private final SecurityIdentity identity;

    public RuleSetResource(RuleSetService ruleSets, SecurityIdentity identity) {
        this.ruleSets = ruleSets;
        this.identity = identity;
    }

    @GET
    @Path("current")
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The rule set in force")
    public Uni<VersionedRuleSet> current() {
        return ruleSets.inForce();
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "A rule set version (0 is the one shipped)")
    public Uni<VersionedRuleSet> version(@PathParam("version") int version) {
        return ruleSets.version(version);
    }

    @PUT
    @RolesAllowed(Roles.ANALYST)
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON})
    @Operation(summary = "Publish a new rule set version (YAML or JSON); decisions use it from now on")
    public Uni<VersionedRuleSet> publish(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("missing-body", "the request needs a rule set (YAML or JSON) as its body");
        }
        return ruleSets.publish(text, identity.getPrincipal().getName());
    }
}
