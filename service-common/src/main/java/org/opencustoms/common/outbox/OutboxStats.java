package org.opencustoms.common.outbox;

import java.time.Duration;
import java.time.Instant;

/** An outbox's backlog: messages waiting, dead letters, and when the oldest waiting one was written. */
public record OutboxStats(long pending, long dead, Instant oldestPendingAt) {

    public long oldestAgeSeconds() {
        return oldestPendingAt == null ? 0 : Math.max(0, Duration.between(oldestPendingAt, Instant.now()).toSeconds());
    }
}
