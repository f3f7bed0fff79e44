package org.opencustoms.selection.decision;

/**
 * Why a decision is what it is. {@code source} is RULE, MODEL, RANDOM or CAPACITY; model reasons are
 * model internals, which supervisors see and inspectors do not.
 */
public record Reason(String source, String id, double weight, String text) {
}
