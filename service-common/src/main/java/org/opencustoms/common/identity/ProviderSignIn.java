package org.opencustoms.common.identity;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The web apps' sign-in at the OpenID Connect provider (authorization code flow with PKCE). The browser goes
 * to the provider's authorization endpoint and comes back with a code; this service exchanges the code, with
 * the browser's PKCE verifier and the client's secret (which never reaches the browser), for the user's
 * access token, and hands that token back only once it passes the same checks every service applies to
 * bearer tokens. Configured by {@code sign-in.provider.issuer} and {@code sign-in.provider.client-id}; off
 * otherwise.
 */
@ApplicationScoped
public class ProviderSignIn {

    private static final String CODE_VERIFIER = "[A-Za-z0-9._~-]{43,128}";

    private final Config config;
    private final OidcClients clients;
    private final JWTParser tokens;
    private final Uni<OidcClient> client;

    public ProviderSignIn(Config config, OidcClients clients, JWTParser tokens) {
        this.config = config;
        this.clients = clients;
        this.tokens = tokens;
        this.client = Uni.createFrom().deferred(this::newClient).memoize().indefinitely();
    }

    /** Where the browser signs in, when this service signs users in at a provider. */
    public record Provider(String authorizationEndpoint, String clientId, String scope) {
    }

    /** What the browser brings back from the provider. */
    public record CodeGrant(String code, String codeVerifier, String redirectUri) {
    }

    public Optional<Provider> provider() {
        return issuer().map(issuer -> new Provider(
                config.getOptionalValue("sign-in.provider.authorization-endpoint", String.class)
                        .orElse(issuer + "/protocol/openid-connect/auth"),
                clientId(), config.getOptionalValue("sign-in.provider.scope", String.class).orElse("openid")));
    }

    public Uni<SignIn.Session> exchange(CodeGrant grant) {
        if (issuer().isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(Problem.of(404, "sign-in-here", "Not Found",
                    "this service signs users in with a user name and password at /api/v1/sessions")));
        }
        List<FieldViolation> violations = violations(grant);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException("Invalid sign-in", violations));
        }
        return client
                .flatMap(oidc -> oidc.getTokens(Map.of("code", grant.code(), "redirect_uri", grant.redirectUri(),
                        "code_verifier", grant.codeVerifier())))
                .onFailure(OidcClientException.class).transform(e -> new ProblemException(Problem.of(401, "sign-in-failed",
                        "Unauthorized", "the OpenID Connect provider did not accept the sign-in: " + e.getMessage())))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                // parsing may fetch the provider's keys, which blocks
                .map(answer -> session(answer.getAccessToken()));
    }

    private SignIn.Session session(String accessToken) {
        JsonWebToken token;
        try {
            token = tokens.parse(accessToken);
        } catch (ParseException e) {
            throw new ProblemException(Problem.of(401, "sign-in-failed", "Unauthorized",
                    "the provider's token is not one this platform accepts (issuer, audience, roles claim?): " + e.getMessage()));
        }
        Caller caller = Caller.of(token);
        return new SignIn.Session(accessToken, Instant.ofEpochSecond(token.getExpirationTime()), caller.subject(),
                List.copyOf(new TreeSet<>(caller.roles())), List.copyOf(new TreeSet<>(caller.ports())), caller.party());
    }

    private Uni<OidcClient> newClient() {
        OidcClientConfigBuilder builder = new OidcClientConfigBuilder().id("web-sign-in")
                .authServerUrl(issuer().orElseThrow()).clientId(clientId())
                .grant(OidcClientConfig.Grant.Type.CODE);
        config.getOptionalValue("sign-in.provider.client-secret", String.class).filter(s -> !s.isBlank())
                .ifPresent(builder::credentials);
        return clients.newClient(builder.build());
    }

    private Optional<String> issuer() {
        return config.getOptionalValue("sign-in.provider.issuer", String.class).filter(s -> !s.isBlank())
                .map(s -> s.replaceAll("/+$", ""));
    }

    private String clientId() {
        return config.getOptionalValue("sign-in.provider.client-id", String.class).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("SIGN_IN_PROVIDER_ISSUER is set but SIGN_IN_PROVIDER_CLIENT_ID is not"));
    }

    private static List<FieldViolation> violations(CodeGrant grant) {
        List<FieldViolation> violations = new ArrayList<>();
        if (grant == null || grant.code() == null || !grant.code().matches("[\\x21-\\x7e]{1,4096}")) {
            violations.add(new FieldViolation("code", "required: the code the provider returned"));
        }
        if (grant == null || grant.codeVerifier() == null || !grant.codeVerifier().matches(CODE_VERIFIER)) {
            violations.add(new FieldViolation("codeVerifier", "required: 43 to 128 characters of A-Z a-z 0-9 . _ ~ - (RFC 7636)"));
        }
        if (grant == null || !isWebAddress(grant.redirectUri())) {
            violations.add(new FieldViolation("redirectUri", "required: the http(s) address the provider sent the browser back to"));
        }
        return violations;
    }

    private static boolean isWebAddress(String value) {
        if (value == null || value.length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
