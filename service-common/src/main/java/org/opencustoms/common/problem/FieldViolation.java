package org.opencustoms.common.problem;

/** One offending field, named by its JSON path (for example {@code commodityLines[1].htsNumber}). */
public record FieldViolation(String field, String message) {
}
