package org.opencustoms.selection.outcome;

import org.opencustoms.selection.Actors;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.opencustoms.selection.isf.IsfFixtures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class OutcomeLabelApiTest {

    @Test
    void aLabelIsRecordedOnceAndAConflictingOneIsRefused() {
        Map<String, Object> label = label(decisionId());

        inspection().body(label).post("/api/v1/outcome-labels").then().statusCode(201);
        inspection().body(label).post("/api/v1/outcome-labels").then().statusCode(200);

        Map<String, Object> other = new HashMap<>(label);
        other.put("violationFound", false);
        other.put("category", null);
        other.put("categories", List.of());
        inspection().body(other).post("/api/v1/outcome-labels").then().statusCode(409).contentType(startsWith("application/problem+json"));
        other.put("outcomeVersion", 2);
        other.put("correction", true);
        inspection().body(other).post("/api/v1/outcome-labels").then().statusCode(201);
    }

    @Test
    void labelsMustConcernADecisionMadeHereAndBeConsistent() {
        Map<String, Object> unknown = label(UUID.randomUUID().toString());
        inspection().body(unknown).post("/api/v1/outcome-labels").then().statusCode(422).body("violations.field", hasItem("decisionId"));

        Map<String, Object> inconsistent = label(decisionId());
        inconsistent.put("categories", List.of());
        inspection().body(inconsistent).post("/api/v1/outcome-labels").then().statusCode(422).body("violations.field", hasItem("categories"));
    }

    @Test
    void onlyInspectionServiceSendsLabels() {
        Actors.as(Roles.AUDITOR).contentType("application/json").body(label(decisionId()))
                .post("/api/v1/outcome-labels").then().statusCode(403);
    }

    private static RequestSpecification inspection() {
        return Actors.as(Roles.INSPECTION_SERVICE).contentType("application/json");
    }

    private static String decisionId() {
        String location = IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201).extract().header("Location");
        return Actors.as(Roles.AUDITOR).get(location + "/decision").then().statusCode(200)
                .extract().path("decision.id");
    }

    private static Map<String, Object> label(String decisionId) {
        Map<String, Object> label = new HashMap<>();
        label.put("inspectionId", UUID.randomUUID().toString());
        label.put("decisionId", decisionId);
        label.put("outcomeVersion", 1);
        label.put("violationFound", true);
        label.put("category", "NARCOTICS");
        label.put("categories", List.of("NARCOTICS"));
        label.put("examination", "FULL_PHYSICAL");
        label.put("action", "SEIZURE");
        label.put("correction", false);
        label.put("recordedAt", "2026-11-28T10:00:00Z");
        return label;
    }
}
