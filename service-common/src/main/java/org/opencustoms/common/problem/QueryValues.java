package org.opencustoms.common.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query parameters read the same way everywhere; what cannot be read becomes a violation naming the parameter. */
public final class QueryValues {

    private QueryValues() {
    }

    /** An ISO 8601 instant, or null when the parameter is absent or blank. */
    public static Instant instant(String name, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(name, "an ISO 8601 instant such as 2026-11-28T00:00:00Z"));
            return null;
        }
    }
}
