package org.opencustoms.common.outbox;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one outbox keeps its messages. Every outbox table has the same columns: {@code seq} (bigserial, the
 * order of writing), {@code payload}, {@code state} (PENDING, DELIVERED, DEAD, DISCARDED), {@code attempts},
 * {@code next_attempt_at}, {@code last_error}, {@code created_at} and {@code delivered_at}.
 *
 * @param name            the outbox's name in metrics, health data and the dead-letter API
 * @param table           the schema-qualified table
 * @param orderingColumn  a column whose equal values are delivered one at a time in {@code seq} order, or null
 * @param attributes      further columns the delivery needs, read as text
 */
public record OutboxTable(String name, String table, String orderingColumn, List<String> attributes) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    public OutboxTable {
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
        // the names go into SQL text: only plain identifiers are accepted
        for (String identifier : concat(table, orderingColumn, attributes)) {
            if (!IDENTIFIER.matcher(identifier).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
            }
        }
    }

    private static List<String> concat(String table, String orderingColumn, List<String> attributes) {
        List<String> all = new java.util.ArrayList<>(attributes);
        all.add(Objects.requireNonNull(table, "table"));
        if (orderingColumn != null) {
            all.add(orderingColumn);
        }
        return all;
    }
}
