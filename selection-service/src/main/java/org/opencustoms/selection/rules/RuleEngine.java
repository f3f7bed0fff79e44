package org.opencustoms.selection.rules;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Evaluates a rule set against the facts of one filing; every hit carries its reason. */
public final class RuleEngine {

    /**
     * Jaro-Winkler similarity in [0, 1], the usual measure for matching names against watch lists: prefix
     * scale 0.1 over at most 4 leading characters, applied only when the Jaro similarity is at least 0.7.
     */
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private RuleEngine() {
    }

    public static List<RuleHit> evaluate(RuleSet ruleSet, Map<String, Object> facts) {
        List<RuleHit> hits = new ArrayList<>();
        for (RuleSet.Rule rule : ruleSet.rules()) {
            String matched = match(rule.when(), facts.get(rule.when().fact()));
            if (matched != null) {
                hits.add(new RuleHit(rule.id(), rule.weight(), rule.reason().replace("{value}", matched)));
            }
        }
        return hits;
    }

    /** Risk points to a probability-like score in [0, 1): one point is about 0.63, two about 0.86. */
    public static double score(List<RuleHit> hits) {
        double points = hits.stream().mapToDouble(RuleHit::weight).sum();
        return 1 - Math.exp(-points);
    }

    /** What matched, as text for the reason, or null when the condition does not hold. */
    private static String match(RuleSet.Condition c, Object value) {
        FactType type = Facts.CATALOG.get(c.fact());
        if (value == null || !Facts.isValue(type, value)) {
            return null;
        }
        if (c.is() != null) {
            return c.is().equals(value) ? String.valueOf(value) : null;
        }
        if (c.anyOf() != null) {
            Set<String> found = new TreeSet<>(texts(value));
            found.retainAll(c.anyOf());
            return found.isEmpty() ? null : String.join(", ", found);
        }
        if (c.similarTo() != null) {
            return similar(texts(value), c.similarTo(), c.threshold());
        }
        double number = ((Number) value).doubleValue();
        boolean holds = c.lessThan() != null ? number < c.lessThan()
                : c.greaterThan() != null ? number > c.greaterThan()
                : number >= c.between().get(0) && number <= c.between().get(1);
        return holds ? format(number) : null;
    }

    private static String similar(Collection<String> names, List<String> listed, double threshold) {
        for (String name : names) {
            String normalised = PartyNames.normalise(name);
            for (String entry : listed) {
                double similarity = JARO_WINKLER.apply(normalised, PartyNames.normalise(entry));
                if (similarity >= threshold) {
                    return name + " ~ " + entry + String.format(Locale.ROOT, " (%.2f)", similarity);
                }
            }
        }
        return null;
    }

    private static Collection<String> texts(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : String.format(Locale.ROOT, "%.2f", number);
    }
}
