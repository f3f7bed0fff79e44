package org.opencustoms.common.identity;

import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bearer token a service presents to its peers: its own service identity. Either {@code SERVICE_TOKEN}
 * (bin/platform up issues one) or {@code SERVICE_TOKEN_FILE}, a file read again on every call, so that a
 * token refreshed into a mounted Kubernetes Secret (an OpenID Connect client-credentials token) is used
 * as soon as it is written.
 */
public final class ServiceToken {

    static final String PROPERTY = "platform.service-token";
    static final String FILE_PROPERTY = "platform.service-token-file";

    private ServiceToken() {
    }

    /** The Authorization header value. */
    public static String authorization(Config config) {
        Optional<String> file = config.getOptionalValue(FILE_PROPERTY, String.class).filter(f -> !f.isBlank());
        String token = file.isPresent() ? read(Path.of(file.get()))
                : config.getOptionalValue(PROPERTY, String.class).filter(t -> !t.isBlank())
                .orElseThrow(() -> new IllegalStateException("neither SERVICE_TOKEN nor SERVICE_TOKEN_FILE is set: "
                        + "this service has no identity to call its peers with"));
        return "Bearer " + token;
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
