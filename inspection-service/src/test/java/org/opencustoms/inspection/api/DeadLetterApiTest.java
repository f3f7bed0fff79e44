package org.opencustoms.inspection.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.inspection.PeerStandIn;
import org.opencustoms.inspection.feedback.FeedbackRelay;
import org.opencustoms.testing.PostgresTestResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencustoms.inspection.Fixtures.as;
import static org.opencustoms.inspection.Fixtures.claimedTask;
import static org.opencustoms.inspection.Fixtures.etag;
import static org.opencustoms.inspection.Fixtures.noDiscrepancy;

/** A label selection-service refuses for good becomes a dead letter, blocks nothing, and waits for a supervisor. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PeerStandIn.class)
class DeadLetterApiTest {

    @Inject
    FeedbackRelay feedback;
    @Inject
    Pool database;

    @Test
    void aRefusedLabelIsADeadLetterThatASupervisorReplaysOrDiscards() {
        String refused = outcomeRecorded();
        String fine = outcomeRecorded();
        PeerStandIn.REFUSED_LABELS.add(refused);

        feedback.deliverPending();

        assertEquals("DEAD", state(refused), "a 422 is final: no retry");
        assertEquals("DELIVERED", state(fine), "a dead letter blocks nothing behind it");
        JsonPath letters = as("supervisor").get("/api/v1/admin/outboxes/feedback/dead-letters").then().statusCode(200).extract().jsonPath();
        Map<String, Object> letter = letters.<Map<String, Object>>getList("").stream()
                .filter(l -> String.valueOf(l.get("payload")).contains(refused)).findFirst().orElseThrow();
        assertTrue(String.valueOf(letter.get("lastError")).contains("HTTP 422"), "the dead letter says why: " + letter);
        as("supervisor").get("/api/v1/admin/outboxes").then().statusCode(200)
                .body("find { it.name == 'feedback' }.dead", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'deliveries' }.data.status", equalTo("degraded"));
        as("inspector1").get("/api/v1/admin/outboxes/feedback/dead-letters").then().statusCode(403);

        PeerStandIn.REFUSED_LABELS.remove(refused);
        long id = ((Number) letter.get("id")).longValue();
        as("supervisor").post("/api/v1/admin/outboxes/feedback/dead-letters/{id}/replay", id).then().statusCode(200).body("replayed", equalTo(1));
        as("supervisor").post("/api/v1/admin/outboxes/feedback/dead-letters/{id}/replay", id).then().statusCode(404);
        feedback.deliverPending();
        assertEquals("DELIVERED", state(refused));
        assertEquals(1, PeerStandIn.LABELS.stream().filter(label -> label.contains(refused)).count());

        String abandoned = outcomeRecorded();
        PeerStandIn.REFUSED_LABELS.add(abandoned);
        feedback.deliverPending();
        long abandonedId = ((Number) as("supervisor").get("/api/v1/admin/outboxes/feedback/dead-letters").then().extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(l -> String.valueOf(l.get("payload")).contains(abandoned))
                .findFirst().orElseThrow().get("id")).longValue();
        as("supervisor").delete("/api/v1/admin/outboxes/feedback/dead-letters/{id}", abandonedId).then().statusCode(200);
        assertEquals("DISCARDED", state(abandoned), "a discarded letter stays on record");
        as("supervisor").get("/api/v1/admin/outboxes/nowhere/dead-letters").then().statusCode(404);
        as("supervisor").get("/api/v1/admin/outboxes/feedback/dead-letters?limit=0").then().statusCode(422);
    }

    @Test
    void anOutageOfSelectionLeavesTheLabelPendingWithABackoffAndShowsThePeerDegraded() throws InterruptedException {
        PeerStandIn.LABELS_DOWN.set(true);
        try {
            String id = outcomeRecorded();
            feedback.deliverPending();
            Row row = row(id);
            assertEquals("PENDING", row.getString("state"));
            assertEquals(1, row.getInteger("attempts"));
            assertTrue(row.getString("last_error").contains("503"), row.getString("last_error"));
            assertTrue(row.getBoolean("later"), "the next attempt waits for its backoff");
            feedback.deliverPending();
            assertEquals(1, row(id).getInteger("attempts"), "not tried again before its time");
            RestAssured.given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'deliveries' }.data.'peer.selection-service'", org.hamcrest.Matchers.startsWith("unreachable"));

            PeerStandIn.LABELS_DOWN.set(false);
            // every 250 ms a delivery round, then a look at the label
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).pollInSameThread().dontCatchUncaughtExceptions()
                    .untilAsserted(() -> {
                        feedback.deliverPending();
                        assertEquals("DELIVERED", state(id), "delivered once selection-service is back and the backoff is over");
                    });
            assertFalse(PeerStandIn.LABELS.stream().filter(label -> label.contains(id)).count() > 1, "delivered once");
        } finally {
            PeerStandIn.LABELS_DOWN.set(false);
        }
    }

    private static String outcomeRecorded() {
        String id = claimedTask("inspector1");
        as("inspector1").header("If-Match", etag("inspector1", id)).body(noDiscrepancy()).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(200);
        return id;
    }

    private String state(String taskId) {
        return row(taskId).getString("state");
    }

    private Row row(String taskId) {
        List<Row> rows = new java.util.ArrayList<>();
        database.preparedQuery("select state, attempts, last_error, next_attempt_at > now() as later from inspection.feedback_outbox "
                        + "where task_id = $1 and outcome_version = 1")
                .execute(Tuple.of(UUID.fromString(taskId))).await().indefinitely().forEach(rows::add);
        return rows.get(0);
    }
}
