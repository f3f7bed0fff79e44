package org.opencustoms.common.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.Config;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default's sign-in for the web apps: a user name and password checked against the service's
 * user store are exchanged for a short-lived bearer token, so the browser never keeps the password. Repeated
 * failures for one user name are throttled. In production users sign in at the OpenID Connect provider and
 * this endpoint is off (no {@code smallrye.jwt.sign.key}).
 */
public final class SignIn {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(5);

    private final IdentityProviderManager identities;
    private final Config config;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignIn(IdentityProviderManager identities, Config config, Clock clock) {
        this.identities = identities;
        this.config = config;
        this.clock = clock;
    }

    public record Credentials(String username, String password) {
    }

    public record Session(String token, Instant expiresAt, String username, List<String> roles, List<String> ports, String party) {
    }

    public Uni<Session> signIn(Credentials credentials) {
        if (config.getOptionalValue("smallrye.jwt.sign.key", String.class).isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(Problem.of(404, "sign-in-elsewhere", "Not Found",
                    "this service does not sign users in; get a token from the platform's OpenID Connect provider")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (credentials == null || credentials.username() == null || !credentials.username().matches("[A-Za-z0-9._@-]{1,64}")) {
            violations.add(new FieldViolation("username", "required: 1 to 64 letters, digits or ._@-"));
        }
        if (credentials == null || credentials.password() == null || credentials.password().isEmpty()
                || credentials.password().length() > 256) {
            violations.add(new FieldViolation("password", "required, at most 256 characters"));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException("Invalid sign-in", violations));
        }
        String username = credentials.username();
        Instant now = clock.instant();
        // every attempt counts until it succeeds, so guesses sent in parallel cannot all slip past the limit
        forgetExpired(now);
        Failures attempts = failures.compute(username, (name, previous) -> Failures.after(previous, now));
        if (attempts.count() > MAX_FAILURES) {
            return Uni.createFrom().failure(new ProblemException(Problem.of(429, "sign-in-throttled", "Too Many Requests",
                    "too many failed sign-ins for " + username + "; try again in " + LOCKOUT.toMinutes() + " minutes")));
        }
        UsernamePasswordAuthenticationRequest request = new UsernamePasswordAuthenticationRequest(username,
                new PasswordCredential(credentials.password().toCharArray()));
        return identities.authenticate(request)
                .onFailure(AuthenticationFailedException.class).transform(e ->
                        new ProblemException(Problem.of(401, "sign-in-failed", "Unauthorized", "unknown user or wrong password")))
                .map(identity -> {
                    failures.remove(username);
                    return session(identity, now);
                });
    }

    /** Keeps the failure table small however many user names are tried. */
    private void forgetExpired(Instant now) {
        if (failures.size() > 10_000) {
            failures.values().removeIf(f -> f.first().plus(LOCKOUT).isBefore(now));
        }
    }

    private Session session(SecurityIdentity identity, Instant now) {
        String username = identity.getPrincipal().getName();
        Duration ttl = config.getOptionalValue("sign-in.token-ttl", Duration.class).orElse(Duration.ofHours(4));
        List<String> roles = List.copyOf(new TreeSet<>(identity.getRoles()));
        List<String> ports = config.getOptionalValue("sign-in.ports." + username, String.class)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList())
                .orElse(List.of());
        String party = config.getOptionalValue("sign-in.party." + username, String.class).orElse(null);
        Instant expiresAt = now.plus(ttl);
        var claims = Jwt.issuer(config.getOptionalValue("mp.jwt.verify.issuer", String.class).orElse(TokenClaims.DEFAULT_ISSUER))
                .audience(config.getOptionalValue("mp.jwt.verify.audiences", String.class).orElse(TokenClaims.DEFAULT_AUDIENCE))
                .subject(username).upn(username).groups(new TreeSet<>(roles))
                .issuedAt(now).expiresAt(expiresAt);
        if (!ports.isEmpty()) {
            claims.claim(TokenClaims.PORTS, ports);
        }
        if (party != null) {
            claims.claim(TokenClaims.PARTY, party);
        }
        return new Session(claims.sign(), expiresAt, username, roles, ports, party);
    }

    /** Failed sign-ins of one user name within the lockout window. */
    private record Failures(int count, Instant first) {
        static Failures after(Failures previous, Instant now) {
            if (previous == null || previous.first.plus(LOCKOUT).isBefore(now)) {
                return new Failures(1, now);
            }
            return new Failures(previous.count + 1, previous.first);
        }

    }
}
