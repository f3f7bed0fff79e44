package org.opencustoms.common.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service that has no key to verify tokens with: smallrye-jwt would otherwise start and
 * turn every caller away with a 401, which looks like a client's fault rather than the operator's.
 */
@ApplicationScoped
public class TokenVerificationCheck {

    void onStart(@Observes StartupEvent event, Config config) {
        boolean key = config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent();
        boolean location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent();
        if (!key && !location) {
            throw new IllegalStateException("no key to verify bearer tokens with: set MP_JWT_VERIFY_PUBLICKEY (the issuer's public key) "
                    + "or MP_JWT_VERIFY_PUBLICKEY_LOCATION (its JWKS URL); bin/platform up sets the first");
        }
    }
}
