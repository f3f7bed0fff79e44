package org.opencustoms.common.identity;

import io.quarkus.security.identity.IdentityProviderManager;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;

import java.time.Clock;

@Path("/api/v1/sessions")
@Tag(name = "Sign-in", description = "The web apps' sign-in: at the OpenID Connect provider in production, with a user name and password in the embedded default")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SignIn signIn;
    private final ProviderSignIn providerSignIn;
    private final boolean signsInHere;

    public SessionResource(IdentityProviderManager identities, Config config, ProviderSignIn providerSignIn) {
        this.signIn = new SignIn(identities, config, Clock.systemUTC());
        this.providerSignIn = providerSignIn;
        this.signsInHere = config.getOptionalValue("smallrye.jwt.sign.key", String.class).isPresent();
    }

    /** How a web app signs its user in here. */
    public record Method(String method, ProviderSignIn.Provider provider) {
    }

    @GET
    @Path("/method")
    @PermitAll
    @Operation(summary = "How users sign in here: \"provider\" (with where to send the browser), \"password\" or \"none\"")
    @APIResponse(responseCode = "200", description = "The sign-in method")
    public Method method() {
        return providerSignIn.provider().map(provider -> new Method("provider", provider))
                .orElseGet(() -> new Method(signsInHere ? "password" : "none", null));
    }

    @POST
    @PermitAll
    @Operation(summary = "Exchange a user name and password for a short-lived bearer token")
    @APIResponse(responseCode = "201", description = "The token, when it expires, and the roles, ports and party it carries")
    @APIResponse(responseCode = "401", description = "Unknown user or wrong password")
    @APIResponse(responseCode = "404", description = "This service does not sign users in")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for this user name; wait and try again")
    public Uni<Response> signIn(SignIn.Credentials credentials) {
        if (providerSignIn.provider().isPresent()) {
            return Uni.createFrom().failure(new ProblemException(Problem.of(404, "sign-in-elsewhere", "Not Found",
                    "users sign in at the platform's OpenID Connect provider (GET /api/v1/sessions/method)")));
        }
        return signIn.signIn(credentials).map(session -> Response.status(201).entity(session).build());
    }

    @POST
    @Path("/provider")
    @PermitAll
    @Operation(summary = "Exchange the code the OpenID Connect provider sent the browser back with (and its PKCE verifier) for the user's token")
    @APIResponse(responseCode = "201", description = "The token, when it expires, and the roles, ports and party it carries")
    @APIResponse(responseCode = "422", description = "A field is missing or malformed")
    @APIResponse(responseCode = "401", description = "The provider refused the code, or its token is not one the platform accepts")
    @APIResponse(responseCode = "404", description = "This service does not sign users in at a provider")
    public Uni<Response> signInAtProvider(ProviderSignIn.CodeGrant grant) {
        return providerSignIn.exchange(grant).map(session -> Response.status(201).entity(session).build());
    }
}
