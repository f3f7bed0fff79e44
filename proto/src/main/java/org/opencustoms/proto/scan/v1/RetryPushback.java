package org.opencustoms.proto.scan.v1;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.time.Duration;
import java.util.Optional;

/**
 * The standard gRPC trailer by which a server says "retry after this long". The ingest sends it with
 * RESOURCE_EXHAUSTED when it is busy, and not when a scan is simply too large, which is how a client
 * tells a temporary refusal from a final one.
 */
public final class RetryPushback {

    public static final Metadata.Key<String> KEY = Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

    private RetryPushback() {
    }

    public static StatusRuntimeException withPushback(Status status, Duration retryAfter) {
        Metadata trailers = new Metadata();
        trailers.put(KEY, Long.toString(retryAfter.toMillis()));
        return status.asRuntimeException(trailers);
    }

    public static Optional<Duration> of(StatusRuntimeException error) {
        Metadata trailers = error.getTrailers();
        String value = trailers == null ? null : trailers.get(KEY);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(value.trim());
            return millis >= 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
