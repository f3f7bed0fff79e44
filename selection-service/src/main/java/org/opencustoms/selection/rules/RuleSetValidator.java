package org.opencustoms.selection.rules;

import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.selection.isf.validation.Violations;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Checks a rule set before it is used: known facts, one operator that fits the fact's type, sane weights. */
public final class RuleSetValidator {

    private RuleSetValidator() {
    }

    public static void validate(RuleSet ruleSet) {
        Violations v = new Violations();
        if (ruleSet == null) {
            v.add("", "a rule set is required");
            v.throwIfAny("The rule set is not valid");
        }
        v.check(ruleSet.name() != null && !ruleSet.name().isBlank(), "name", "required");
        List<RuleSet.Rule> rules = ruleSet.rules() == null ? List.of() : ruleSet.rules();
        v.check(!rules.isEmpty(), "rules", "at least one rule");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String path = "rules[" + i + "]";
            RuleSet.Rule rule = rules.get(i);
            if (!v.check(rule != null, path, "must not be null")) {
                continue;
            }
            if (v.check(rule.id() != null && rule.id().matches("[a-z0-9][a-z0-9-]{0,63}"), path + ".id",
                    "required: lower-case letters, digits and dashes")) {
                v.check(ids.add(rule.id()), path + ".id", "duplicate rule id");
            }
            v.check(rule.weight() != null && rule.weight() >= 0 && rule.weight() <= 10, path + ".weight", "required: 0 to 10");
            v.check(rule.reason() != null && !rule.reason().isBlank(), path + ".reason", "required: what an inspector reads");
            condition(rule.when(), path + ".when", v);
        }
        v.throwIfAny("The rule set is not valid");
    }

    private static void condition(RuleSet.Condition c, String path, Violations v) {
        if (!v.check(c != null, path, "required")) {
            return;
        }
        FactType type = Facts.CATALOG.get(c.fact());
        if (!v.check(type != null, path + ".fact", "unknown fact; known: " + Facts.CATALOG.keySet().stream().sorted().toList())) {
            return;
        }
        long operators = Stream.of(c.is(), c.anyOf(), c.lessThan(), c.greaterThan(), c.between(), c.similarTo())
                .filter(o -> o != null).count();
        if (!v.check(operators == 1, path, "exactly one of is, anyOf, lessThan, greaterThan, between, similarTo")) {
            return;
        }
        boolean numeric = c.lessThan() != null || c.greaterThan() != null || c.between() != null;
        v.check(!numeric || type == FactType.NUMBER, path, "a numeric comparison needs a NUMBER fact; " + c.fact() + " is " + type);
        v.check(c.between() == null || c.between().size() == 2 && c.between().get(0) <= c.between().get(1), path + ".between",
                "two numbers, low then high");
        v.check(c.is() == null || (type == FactType.BOOLEAN ? c.is() instanceof Boolean : c.is() instanceof String && type == FactType.TEXT),
                path + ".is", "is takes true/false for a BOOLEAN fact or text for a TEXT fact");
        v.check(c.anyOf() == null || (type == FactType.TEXT || type == FactType.TEXT_SET) && !c.anyOf().isEmpty(), path + ".anyOf",
                "anyOf takes a non-empty list for a TEXT or TEXT_SET fact");
        if (c.similarTo() != null) {
            v.check(type == FactType.TEXT_SET || type == FactType.TEXT, path + ".similarTo", "similarTo needs names");
            v.check(!c.similarTo().isEmpty(), path + ".similarTo", "a non-empty list of names");
            v.check(c.threshold() != null && c.threshold() > 0.5 && c.threshold() <= 1, path + ".threshold",
                    "required with similarTo: above 0.5 and at most 1");
        }
    }
}
