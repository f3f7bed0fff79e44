package org.opencustoms.common.identity;

import io.quarkus.security.identity.IdentityProviderManager;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

@Path("/api/v1/sessions")
@Tag(name = "Sign-in", description = "The embedded default's sign-in for the web apps; production signs users in at its OpenID Connect provider")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SignIn signIn;

    public SessionResource(IdentityProviderManager identities, Config config) {
        this.signIn = new SignIn(identities, config, Clock.systemUTC());
    }

    @POST
    @PermitAll
    @Operation(summary = "Exchange a user name and password for a short-lived bearer token")
    @APIResponse(responseCode = "201", description = "The token, when it expires, and the roles, ports and party it carries")
    @APIResponse(responseCode = "401", description = "Unknown user or wrong password")
    @APIResponse(responseCode = "404", description = "This service does not sign users in")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for this user name; wait and try again")
    public Uni<Response> signIn(SignIn.Credentials credentials) {
        return signIn.signIn(credentials).map(session -> Response.status(201).entity(session).build());
    }
}
