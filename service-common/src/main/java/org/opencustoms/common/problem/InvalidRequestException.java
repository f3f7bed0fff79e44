package org.opencustoms.common.problem;

import java.util.List;

/** A well-formed request whose content breaks the rules: answered 422 with every offending field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidRequestException(String title, List<FieldViolation> violations) {
        super(title);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
