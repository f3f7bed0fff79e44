package org.opencustoms.common.outbox;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How one outbox retries, from configuration {@code outbox.<name>.*}: {@code batch} messages per round,
 * exponential backoff from {@code first-retry} up to {@code max-retry} with full jitter in its upper half,
 * and a {@code lease} during which a claimed message is not claimed again (a relay that dies mid-round
 * loses nothing: its messages come due again when the lease ends).
 */
public record OutboxPolicy(int batch, Duration firstRetry, Duration maxRetry, Duration lease) {

    public OutboxPolicy {
        if (batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("outbox batch must be 1..1000, not " + batch);
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("outbox retries need 0 < first-retry <= max-retry, not " + firstRetry + " and " + maxRetry);
        }
        if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("an outbox lease must be at least 5 s (it must outlast one delivery), not " + lease);
        }
    }

    public static OutboxPolicy of(Config config, String name) {
        String prefix = "outbox." + name + ".";
        return new OutboxPolicy(
                config.getOptionalValue(prefix + "batch", Integer.class).orElse(50),
                config.getOptionalValue(prefix + "first-retry", Duration.class).orElse(Duration.ofSeconds(2)),
                config.getOptionalValue(prefix + "max-retry", Duration.class).orElse(Duration.ofMinutes(5)),
                config.getOptionalValue(prefix + "lease", Duration.class).orElse(Duration.ofMinutes(1)));
    }

    /** The wait before the next attempt after {@code attemptsSoFar} failed ones: between half and all of first-retry * 2^n. */
    public Duration backoff(int attemptsSoFar) {
        long ceiling = firstRetry.toMillis() << Math.min(20, Math.max(0, attemptsSoFar));
        long capped = Math.min(ceiling, maxRetry.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
