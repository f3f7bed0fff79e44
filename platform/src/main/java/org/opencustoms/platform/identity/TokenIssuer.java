package org.opencustoms.platform.identity;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.opencustoms.common.identity.TokenClaims;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Signs the platform's bearer tokens (RS256), as the services verify them: issuer, audience, expiry, the
 * role in {@code groups} and the scope claims. In production an OpenID Connect provider issues them instead.
 */
public final class TokenIssuer {

    private final PrivateKey signingKey;
    private final String keyId;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenIssuer(PrivateKey signingKey, String keyId, String issuer, String audience, Clock clock) {
        this.signingKey = signingKey;
        this.keyId = keyId;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    public static TokenIssuer forKeys(PlatformKeys keys) {
        return new TokenIssuer(keys.keyPair().getPrivate(), keys.keyId(), TokenClaims.DEFAULT_ISSUER, TokenClaims.DEFAULT_AUDIENCE,
                Clock.systemUTC());
    }

    public String issue(TokenRequest request) {
        Instant now = clock.instant();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(request.subject());
        claims.setClaim("upn", request.subject());
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now.plus(request.ttl()).getEpochSecond()));
        claims.setStringListClaim(TokenClaims.ROLES, List.of(request.role()));
        if (!request.ports().isEmpty()) {
            claims.setStringListClaim(TokenClaims.PORTS, request.ports());
        }
        if (request.party() != null) {
            claims.setClaim(TokenClaims.PARTY, request.party());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a token: " + e.getMessage(), e);
        }
    }
}
