package org.opencustoms.selection.decision;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.opencustoms.selection.isf.IsfFixtures;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the shipped model configured, every decision records its version, its score and what drove it. */
@QuarkusTest
@TestProfile(ModelDecisionTest.WithShippedModel.class)
class ModelDecisionTest {

    public static class WithShippedModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("selection.model.dir", "models/customs-declarations");
        }
    }

    @Test
    void decisionsCarryTheModelVersionScoreAndContributions() {
        String location = IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201).extract().header("Location");
        JsonPath decision = DecisionApiTest.decisionOf(location);

        assertEquals("c39f7910009ebd9d", decision.getString("decision.modelVersion"));
        double model = decision.getDouble("decision.modelScore");
        double rules = decision.getDouble("decision.ruleScore");
        assertTrue(model > 0 && model < 1, "a probability: " + model);
        assertEquals(1 - (1 - rules) * (1 - model), decision.getDouble("decision.riskScore"), 1e-6);
        for (Map<String, Object> reason : decision.<Map<String, Object>>getList("decision.reasons")) {
            if ("MODEL".equals(reason.get("source"))) {
                assertTrue(((Number) reason.get("weight")).doubleValue() > 0, "only contributions that raised the risk: " + reason);
            }
        }
    }
}
