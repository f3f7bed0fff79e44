package org.opencustoms.common.outbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One message as the relay sees it: its payload (JSON text), how often it was tried, and the table's further columns (values may be null). */
public record OutboxMessage(long seq, String payload, int attempts, Instant createdAt, Map<String, String> attributes) {

    public OutboxMessage {
        // a column may be null (a finding without an inspection id), which Map.copyOf refuses
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public String attribute(String column) {
        return attributes.get(column);
    }
}
