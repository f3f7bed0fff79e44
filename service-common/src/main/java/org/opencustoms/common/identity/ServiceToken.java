package org.opencustoms.common.identity;

import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bearer token a service presents to its peers: its own service identity. In order of precedence:
 * <ul>
 * <li>a client-credentials token from the OpenID Connect provider ({@code QUARKUS_OIDC_CLIENT_*}), which
 * {@link ServiceTokenRefresher} keeps fresh;</li>
 * <li>{@code SERVICE_TOKEN_FILE}, a file read again on every call, so that a token rewritten into a mounted
 * Secret is used as soon as it is written;</li>
 * <li>{@code SERVICE_TOKEN} (bin/platform up issues one).</li>
 * </ul>
 */
public final class ServiceToken {

    static final String PROPERTY = "platform.service-token";
    static final String FILE_PROPERTY = "platform.service-token-file";

    private static volatile ProviderToken fromProvider;

    private ServiceToken() {
    }

    /** The Authorization header value. */
    public static String authorization(Config config) {
        ProviderToken provided = fromProvider;
        if (provided != null) {
            return "Bearer " + provided.current();
        }
        Optional<String> file = config.getOptionalValue(FILE_PROPERTY, String.class).filter(f -> !f.isBlank());
        String token = file.isPresent() ? read(Path.of(file.get()))
                : config.getOptionalValue(PROPERTY, String.class).filter(t -> !t.isBlank())
                .orElseThrow(() -> new IllegalStateException("neither SERVICE_TOKEN nor SERVICE_TOKEN_FILE is set: "
                        + "this service has no identity to call its peers with"));
        return "Bearer " + token;
    }

    /** From now on the token comes from the provider; called once at startup by the refresher. */
    static void useProvider(ProviderToken token) {
        fromProvider = token;
    }

    /** The provider's latest token, or why there is none yet. */
    interface ProviderToken {
        String current();
    }

    private static String read(Path file) {
        try {
            String token = Files.readString(file).strip();
            if (token.isEmpty()) {
                throw new IllegalStateException("SERVICE_TOKEN_FILE " + file + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SERVICE_TOKEN_FILE " + file, e);
        }
    }
}
