package org.opencustoms.inspection.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.inspection.PeerStandIn;
import org.opencustoms.inspection.feedback.FeedbackRelay;
import org.opencustoms.testing.PostgresTestResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencustoms.inspection.Fixtures.as;
import static org.opencustoms.inspection.Fixtures.claimedTask;
import static org.opencustoms.inspection.Fixtures.etag;
import static org.opencustoms.inspection.Fixtures.narcoticsFound;
import static org.opencustoms.inspection.Fixtures.noDiscrepancy;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PeerStandIn.class)
class OutcomeApiTest {

    @Inject
    FeedbackRelay feedback;

    @Test
    void anOutcomeWithAStaleVersionIsRefused() {
        String id = claimedTask("inspector1");
        String seen = etag("inspector1", id);
        as("supervisor").body(Map.of("assignee", "inspector1")).put("/api/v1/inspections/{id}/assignee", id).then().statusCode(200);

        as("inspector1").header("If-Match", seen).body(noDiscrepancy()).put("/api/v1/inspections/{id}/outcome", id).then().statusCode(412)
                .contentType(startsWith("application/problem+json"));
        as("inspector1").body(noDiscrepancy()).put("/api/v1/inspections/{id}/outcome", id).then().statusCode(428);
        as("inspector1").header("If-Match", etag("inspector1", id)).body(noDiscrepancy()).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("outcome.version", equalTo(1));
    }

    @Test
    void moreTabletsRecordingAtOnceThanThePoolHasConnectionsAreAllAnswered() throws Exception {
        // a recording that took a second connection while holding its transaction's would wait for ever once as many
        // recordings as the pool's connections (DB_POOL_SIZE, 20) each held one
        int tablets = 48;
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < tablets; i++) {
            tasks.add(claimedTask("inspector1"));
        }
        List<String> etags = tasks.stream().map(id -> etag("inspector1", id)).toList();
        CyclicBarrier together = new CyclicBarrier(tablets);
        ExecutorService pool = Executors.newFixedThreadPool(tablets);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < tablets; i++) {
                String id = tasks.get(i);
                String seen = etags.get(i);
                answers.add(pool.submit(() -> {
                    together.await();
                    return as("inspector1").header("If-Match", seen).body(noDiscrepancy()).put("/api/v1/inspections/{id}/outcome", id)
                            .then().extract().statusCode();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetriedSubmissionIsRecordedOnce() {
        String id = claimedTask("inspector1");
        String seen = etag("inspector1", id);
        String key = UUID.randomUUID().toString();

        as("inspector1").header("If-Match", seen).header("Idempotency-Key", key).body(noDiscrepancy())
                .put("/api/v1/inspections/{id}/outcome", id).then().statusCode(200);
        as("inspector1").header("If-Match", seen).header("Idempotency-Key", key).body(noDiscrepancy())
                .put("/api/v1/inspections/{id}/outcome", id).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("outcome.version", equalTo(1));

        as("inspector1").get("/api/v1/inspections/{id}/outcome/versions", id).then().body("$", hasSize(1));
        as("inspector1").header("If-Match", seen).header("Idempotency-Key", key).body(narcoticsFound())
                .put("/api/v1/inspections/{id}/outcome", id).then().statusCode(409).body("type", startsWith("https://"));
    }

    @Test
    void aCorrectionIsANewVersionWithItsReason() {
        String id = claimedTask("inspector2");
        as("inspector2").header("If-Match", etag("inspector2", id)).body(noDiscrepancy()).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(200);

        as("inspector2").header("If-Match", etag("inspector2", id)).body(narcoticsFound()).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(422).body("violations.field", hasItem("correctionReason"));
        Map<String, Object> correction = new HashMap<>(narcoticsFound());
        correction.put("correctionReason", "lab result came back positive");
        as("inspector2").header("If-Match", etag("inspector2", id)).body(correction).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(200).body("outcome.version", equalTo(2)).body("outcome.result", equalTo("FINDINGS"));

        as("inspector2").get("/api/v1/inspections/{id}/outcome/versions", id).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(1, 2))
                .body("[0].result", equalTo("NO_DISCREPANCY"))
                .body("[1].correctionReason", equalTo("lab result came back positive"));
    }

    @Test
    void anOutcomeIsCheckedAgainstItsVocabulariesAndItsTask() {
        String id = claimedTask("inspector1");
        Map<String, Object> bad = new HashMap<>(noDiscrepancy());
        bad.put("examination", "GLANCE");
        bad.put("findings", List.of(Map.of("category", "NARCOTICS")));
        bad.put("scanFindingReviews", List.of(Map.of("scanId", "NOT-HERE", "region", 0, "verdict", "CONFIRMED")));
        bad.put("photoIds", List.of("0".repeat(64)));

        as("inspector1").header("If-Match", etag("inspector1", id)).body(bad).put("/api/v1/inspections/{id}/outcome", id).then().statusCode(422)
                .body("violations.field", hasItem("examination"))
                .body("violations.field", hasItem("findings"))
                .body("violations.field", hasItem("scanFindingReviews[0].scanId"))
                .body("violations.field", hasItem("photoIds[0]"));
        as("inspector2").header("If-Match", etag("inspector2", id)).body(noDiscrepancy()).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(403);
    }

    @Test
    void everyOutcomeVersionIsSentToSelectionAsALabel() {
        String id = claimedTask("inspector1");
        as("inspector1").header("If-Match", etag("inspector1", id)).body(narcoticsFound()).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(200);
        Map<String, Object> correction = new HashMap<>(noDiscrepancy());
        correction.put("correctionReason", "the bricks were flour");
        as("inspector1").header("If-Match", etag("inspector1", id)).body(correction).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(200);
        String decisionId = as("supervisor").get("/api/v1/inspections/{id}", id).then().extract().path("decisionId");

        feedback.deliverPending();

        List<String> labels = PeerStandIn.LABELS.stream().filter(label -> label.contains(id)).toList();
        assertEquals(2, labels.size(), "one label per outcome version: " + labels);
        io.restassured.path.json.JsonPath first = io.restassured.path.json.JsonPath.from(labels.get(0));
        io.restassured.path.json.JsonPath second = io.restassured.path.json.JsonPath.from(labels.get(1));
        assertEquals(List.of(1, true, "NARCOTICS", decisionId, false), List.of(first.getInt("outcomeVersion"), first.getBoolean("violationFound"),
                first.getString("category"), first.getString("decisionId"), first.getBoolean("correction")), labels.get(0));
        assertEquals(List.of(2, false, true), List.of(second.getInt("outcomeVersion"), second.getBoolean("violationFound"),
                second.getBoolean("correction")), labels.get(1));
        feedback.deliverPending();
        assertEquals(2, PeerStandIn.LABELS.stream().filter(label -> label.contains(id)).count(), "delivered labels are not sent again");
        assertTrue(PeerStandIn.LABEL_AUTHORIZATIONS.stream().allMatch(a -> a != null && a.startsWith("Bearer ")));
    }
}
