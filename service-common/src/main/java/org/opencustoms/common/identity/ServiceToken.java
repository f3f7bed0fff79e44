package org.opencustoms.common.identity;

import org.eclipse.microprofile.config.Config;

/**
 * The bearer token a service presents to its peers: its own service identity, from {@code SERVICE_TOKEN}
 * (bin/platform up issues one; in production an OpenID Connect client-credentials token, from a Secret).
 */
public final class ServiceToken {

    static final String PROPERTY = "platform.service-token";

    private ServiceToken() {
    }

    /** The Authorization header value; read on every call, so a rotated Secret takes effect without a restart of the caller's code. */
    public static String authorization(Config config) {
        return "Bearer " + config.getOptionalValue(PROPERTY, String.class).filter(t -> !t.isBlank())
                .orElseThrow(() -> new IllegalStateException("SERVICE_TOKEN is not set: this service has no identity to call its peers with"));
    }
}
