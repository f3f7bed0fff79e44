package org.opencustoms.selection.rules;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.problem.InvalidRequestException;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleEngineTest {

    private static RuleSet.Rule rule(String id, RuleSet.Condition when, double weight) {
        return new RuleSet.Rule(id, null, when, weight, id + ": {value}");
    }

    @Test
    void eachOperatorFiresOnlyWhenItsConditionHolds() {
        RuleSet rules = new RuleSet("test", List.of(
                rule("late", new RuleSet.Condition("filedLate", true, null, null, null, null, null, null), 0.5),
                rule("origin", new RuleSet.Condition("countriesOfOrigin", null, List.of("IR", "KP"), null, null, null, null, null), 1.5),
                rule("new", new RuleSet.Condition("partyPriorFilings", null, null, 1.0, null, null, null, null), 0.3),
                rule("rare", new RuleSet.Condition("partyPriorFilings", null, null, null, null, List.of(1.0, 3.0), null, null), 0.1),
                rule("heavy", new RuleSet.Condition("totalGrossWeightKg", null, null, null, 30000.0, null, null, null), 0.2),
                rule("listed", new RuleSet.Condition("partyNames", null, null, null, null, null, List.of("Golden Crescent General Trading"), 0.92), 2.0)));

        Map<String, Object> clean = Map.of("filedLate", false, "countriesOfOrigin", Set.of("CN"), "partyPriorFilings", 12L,
                "totalGrossWeightKg", 1200.0, "partyNames", Set.of("Pacific Home Goods Inc."));
        assertTrue(RuleEngine.evaluate(rules, clean).isEmpty());
        assertEquals(0.0, RuleEngine.score(List.of()));

        Map<String, Object> risky = Map.of("filedLate", true, "countriesOfOrigin", Set.of("CN", "IR"), "partyPriorFilings", 0L,
                "totalGrossWeightKg", 31000.0, "partyNames", Set.of("GOLDEN CRESCENT GEN. TRADING LLC"));
        List<RuleHit> hits = RuleEngine.evaluate(rules, risky);
        assertEquals(List.of("late", "origin", "new", "heavy", "listed"), hits.stream().map(RuleHit::ruleId).toList());
        assertEquals("origin: IR", hits.get(1).reason());
        assertTrue(hits.get(4).reason().contains("GOLDEN CRESCENT GEN. TRADING LLC ~ Golden Crescent General Trading"));
        assertEquals(1 - Math.exp(-(0.5 + 1.5 + 0.3 + 0.2 + 2.0)), RuleEngine.score(hits), 1e-12);

        assertEquals(List.of("rare"), RuleEngine.evaluate(rules, Map.of("partyPriorFilings", 2L)).stream().map(RuleHit::ruleId).toList());
        assertTrue(RuleEngine.evaluate(rules, Map.of()).isEmpty(), "absent facts match nothing");
    }

    @Test
    void jaroWinklerMatchesTheTextbookValues() {
        JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
        assertEquals(0.961, jaroWinkler.apply("MARTHA", "MARHTA"), 0.001);
        assertEquals(0.840, jaroWinkler.apply("DWAYNE", "DUANE"), 0.001);
        assertEquals(0.813, jaroWinkler.apply("DIXON", "DICKSONX"), 0.001);
        assertEquals("GOLDEN CRESCENT GENERAL TRADING", PartyNames.normalise("Golden Crescent General Trading Co., Ltd."));
        assertEquals("SAO PAULO CAFE", PartyNames.normalise("São Paulo Café S.A."));
    }

    @Test
    void theShippedRuleSetIsValidAndBrokenOnesAreRejected() throws java.io.IOException {
        RuleSet shipped = RuleSetService.parse(new String(java.util.Objects.requireNonNull(
                getClass().getResourceAsStream("/rules/default-rules.yaml")).readAllBytes()));
        RuleSetValidator.validate(shipped);

        InvalidRequestException unknownFact = assertThrows(InvalidRequestException.class, () -> RuleSetValidator.validate(
                new RuleSet("x", List.of(rule("a", new RuleSet.Condition("shoeSize", true, null, null, null, null, null, null), 1)))));
        assertEquals("rules[0].when.fact", unknownFact.violations().get(0).field());
        InvalidRequestException wrongOperator = assertThrows(InvalidRequestException.class, () -> RuleSetValidator.validate(
                new RuleSet("x", List.of(rule("a", new RuleSet.Condition("countriesOfOrigin", null, null, 3.0, null, null, null, null), 1)))));
        assertEquals("rules[0].when", wrongOperator.violations().get(0).field());
        assertThrows(InvalidRequestException.class, () -> RuleSetService.parse("name: x\nrules: [{id: a, colour: red}]"));
    }
}
