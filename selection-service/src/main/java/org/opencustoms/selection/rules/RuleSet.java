package org.opencustoms.selection.rules;

import java.util.List;

/** A versioned set of weighted, explainable risk rules: data, loaded from YAML or JSON. */
public record RuleSet(String name, List<Rule> rules) {

    /**
     * @param when   the condition on one fact
     * @param weight risk points added when it fires (the rule score is their sum)
     * @param reason what an inspector reads; {value} is replaced by what matched
     */
    public record Rule(String id, String description, Condition when, Double weight, String reason) {
    }

    /** Exactly one operator is set. */
    public record Condition(String fact, Object is, List<String> anyOf, Double lessThan, Double greaterThan,
                            List<Double> between, List<String> similarTo, Double threshold) {
    }
}
