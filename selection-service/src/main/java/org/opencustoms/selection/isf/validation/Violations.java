package org.opencustoms.selection.isf.validation;

import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** Collects every offending field of one request, so a rejection names them all at once. */
public final class Violations {

    private final List<FieldViolation> items = new ArrayList<>();

    public void add(String field, String message) {
        items.add(new FieldViolation(field, message));
    }

    /** Adds a violation unless the condition holds; returns the condition. */
    public boolean check(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
        return condition;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(items);
    }

    public void throwIfAny(String title) {
        if (!items.isEmpty()) {
            throw new InvalidRequestException(title, list());
        }
    }
}
