package org.opencustoms.testing;

import org.opencustoms.common.identity.TokenClaims;
import org.opencustoms.platform.identity.PlatformKeys;
import org.opencustoms.platform.identity.TokenIssuer;
import org.opencustoms.platform.identity.TokenRequest;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/**
 * Bearer tokens for the services' tests, signed like the platform's. The key pair is made once per JVM and
 * kept in a system property, so the test resource that configures the service and the test that calls it
 * agree on it whichever class loader each runs in.
 */
public final class TestTokens {

    private static final String KEYS_PROPERTY = "opencustoms.test.token-keys";
    private static final Duration TTL = Duration.ofMinutes(30);

    private TestTokens() {
    }

    /** A request that presents the token. */
    public static io.restassured.specification.RequestSpecification bearer(String token) {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + token);
    }

    /** A request as the role (its subject named after it). */
    public static io.restassured.specification.RequestSpecification as(String role) {
        return bearer(of(role));
    }

    /** A token for the role, its subject named after it. */
    public static String of(String role) {
        return of(role, role, List.of(), null);
    }

    public static String inspector(String subject, String... ports) {
        return of("inspector", subject, List.of(ports), null);
    }

    public static String party(String role, String party) {
        return of(role, role + "-" + party.toLowerCase(), List.of(), party);
    }

    public static String of(String role, String subject, List<String> ports, String party) {
        return issuer(Clock.systemUTC()).issue(new TokenRequest(subject, role, ports, party, TTL));
    }

    /** A token that expired an hour ago. */
    public static String expired(String role) {
        Clock past = Clock.fixed(Instant.now().minus(TTL).minus(Duration.ofHours(1)), ZoneOffset.UTC);
        return issuer(past).issue(new TokenRequest(role, role, ports(role), party(role), TTL));
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String foreign(String role) {
        PlatformKeys other = PlatformKeys.generate();
        return new TokenIssuer(other.keyPair().getPrivate(), other.keyId(), TokenClaims.DEFAULT_ISSUER, TokenClaims.DEFAULT_AUDIENCE,
                Clock.systemUTC()).issue(new TokenRequest(role, role, ports(role), party(role), TTL));
    }

    /** The roles a token (or "Bearer token") names, read without checking it: for asserting what a service sent. */
    public static List<String> rolesOf(String token) {
        String jwt = token.replaceFirst("^Bearer\\s+", "");
        try {
            com.fasterxml.jackson.databind.JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            List<String> roles = new java.util.ArrayList<>();
            claims.path(TokenClaims.ROLES).forEach(role -> roles.add(role.asText()));
            return roles;
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a JWT: " + token, e);
        }
    }

    /** Signed with the trusted key, but for another audience. */
    public static String otherAudience(String role) {
        PlatformKeys keys = keys();
        return new TokenIssuer(keys.keyPair().getPrivate(), keys.keyId(), TokenClaims.DEFAULT_ISSUER, "another-system", Clock.systemUTC())
                .issue(new TokenRequest(role, role, ports(role), party(role), TTL));
    }

    /** Signed with the trusted key, but naming another issuer. */
    public static String otherIssuer(String role) {
        PlatformKeys keys = keys();
        return new TokenIssuer(keys.keyPair().getPrivate(), keys.keyId(), "https://elsewhere.example", TokenClaims.DEFAULT_AUDIENCE, Clock.systemUTC())
                .issue(new TokenRequest(role, role, ports(role), party(role), TTL));
    }

    /** The trusted key pair, as the services' configuration takes it. */
    public static PlatformKeys keys() {
        synchronized (System.getProperties()) {
            String stored = System.getProperty(KEYS_PROPERTY);
            if (stored == null) {
                PlatformKeys keys = PlatformKeys.generate();
                System.setProperty(KEYS_PROPERTY, keys.privateKeyBase64() + ":" + keys.publicKeyBase64());
                return keys;
            }
            String[] parts = stored.split(":");
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return PlatformKeys.of(new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[1]))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[0])))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static TokenIssuer issuer(Clock clock) {
        PlatformKeys keys = keys();
        return new TokenIssuer(keys.keyPair().getPrivate(), keys.keyId(), TokenClaims.DEFAULT_ISSUER, TokenClaims.DEFAULT_AUDIENCE, clock);
    }

    private static List<String> ports(String role) {
        return "inspector".equals(role) ? List.of("USLAX") : List.of();
    }

    private static String party(String role) {
        return "importer".equals(role) || "carrier".equals(role) ? "TEST" : null;
    }
}
