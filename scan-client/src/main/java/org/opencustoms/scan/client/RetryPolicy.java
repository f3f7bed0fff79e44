package org.opencustoms.scan.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently an upload is retried: exponential backoff with jitter, so that scanners
 * that lost the same network do not all come back in the same millisecond.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initial <= max");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(12, Duration.ofMillis(200), Duration.ofSeconds(15));
    }

    /** The wait before attempt {@code attempt} (2 is the first retry): between half and all of the exponential step. */
    Duration backoffBefore(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(20, attempt - 2);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
