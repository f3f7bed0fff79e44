package org.opencustoms.common.outbox;

import java.time.Instant;
import java.util.Map;

/** One message as the relay sees it: its payload (JSON text), how often it was tried, and the table's further columns. */
public record OutboxMessage(long seq, String payload, int attempts, Instant createdAt, Map<String, String> attributes) {

    public OutboxMessage {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String column) {
        return attributes.get(column);
    }
}
