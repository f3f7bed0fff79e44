package org.opencustoms.selection.rules;

/** A rule that fired, with its weight and the reason an inspector reads. */
public record RuleHit(String ruleId, double weight, String reason) {
}
