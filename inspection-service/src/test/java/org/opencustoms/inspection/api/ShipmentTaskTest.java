package org.opencustoms.inspection.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.inspection.PeerStandIn;
import org.opencustoms.testing.PostgresTestResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencustoms.inspection.Fixtures.as;
import static org.opencustoms.inspection.Fixtures.containerNumber;
import static org.opencustoms.inspection.Fixtures.etag;
import static org.opencustoms.inspection.Fixtures.handoff;
import static org.opencustoms.inspection.Fixtures.noDiscrepancy;

/**
 * A shipment owns one task: a re-decision after an amendment supersedes it, a late older decision changes
 * nothing, a withdrawal cancels it, and the inspector sees each of these on the task.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PeerStandIn.class)
class ShipmentTaskTest {

    @Inject
    Pool database;

    @Test
    void anAmendmentsDecisionSupersedesTheTaskAndALateOlderDecisionChangesNothing() {
        Map<String, Object> first = handoff(containerNumber());
        String taskId = as("selection-service").body(first).post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        as("inspector1").post("/api/v1/inspections/{id}/claim", taskId).then().statusCode(200);

        String amendedContainer = containerNumber();
        Map<String, Object> second = amended(first, 2, amendedContainer);
        as("selection-service").body(second).post("/api/v1/inspections").then().statusCode(200)
                .body("id", equalTo(taskId))
                .body("decisionId", equalTo(second.get("decisionId")))
                .body("filingVersion", equalTo(2))
                .body("status", equalTo("CLAIMED"))
                .body("assignee", equalTo("inspector1"));
        as("selection-service").body(first).post("/api/v1/inspections").then().statusCode(200).body("id", equalTo(taskId))
                .body("filingVersion", equalTo(2));

        as("inspector1").get("/api/v1/inspections/{id}", taskId).then().statusCode(200)
                .body("containers", equalTo(List.of(amendedContainer)))
                .body("shipmentChanges.kind", equalTo(List.of("SUPERSEDED")));
        long tasks = database.preparedQuery("select count(*) from inspection.task where filing_id = $1")
                .execute(Tuple.of(UUID.fromString((String) first.get("filingId")))).await().indefinitely().iterator().next().getLong(0);
        assertEquals(1, tasks, "one task for the shipment");
    }

    @Test
    void aWithdrawalCancelsTheTaskWhichCannotBeClaimedAndAReselectionReopensIt() {
        Map<String, Object> first = handoff(containerNumber());
        String taskId = as("selection-service").body(first).post("/api/v1/inspections").then().statusCode(201).extract().path("id");

        Map<String, Object> withdrawal = Map.of("filingId", first.get("filingId"), "filingVersion", 1, "reason", "WITHDRAWN");
        as("inspector1").body(withdrawal).post("/api/v1/inspections/cancellations").then().statusCode(403);
        as("selection-service").body(withdrawal).post("/api/v1/inspections/cancellations").then().statusCode(200)
                .body("cancelled", equalTo(true)).body("taskId", equalTo(taskId)).body("status", equalTo("CANCELLED"));
        as("selection-service").body(withdrawal).post("/api/v1/inspections/cancellations").then().statusCode(200)
                .body("cancelled", equalTo(false));

        as("inspector1").post("/api/v1/inspections/{id}/claim", taskId).then().statusCode(409);
        as("inspector1").get("/api/v1/inspections?status=OPEN&size=200").then().statusCode(200).body("items.id", not(hasItem(taskId)));
        as("inspector1").get("/api/v1/inspections/{id}", taskId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("shipmentChanges.kind", equalTo(List.of("CANCELLED")))
                .body("shipmentChanges[0].detail", equalTo("the importer withdrew the filing"));

        as("selection-service").body(amended(first, 2, containerNumber())).post("/api/v1/inspections").then().statusCode(200)
                .body("id", equalTo(taskId)).body("status", equalTo("OPEN"));
        as("inspector1").get("/api/v1/inspections/{id}", taskId).then()
                .body("shipmentChanges.kind", equalTo(List.of("CANCELLED", "REOPENED")));
    }

    @Test
    void anInspectorsOutcomeForACancelledTaskIsRefusedAndTheTaskCannotBeAssigned() {
        Map<String, Object> first = handoff(containerNumber());
        String taskId = as("selection-service").body(first).post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        as("inspector1").post("/api/v1/inspections/{id}/claim", taskId).then().statusCode(200);
        String seen = etag("inspector1", taskId);
        as("selection-service").body(Map.of("filingId", first.get("filingId"), "filingVersion", 1, "reason", "WITHDRAWN"))
                .post("/api/v1/inspections/cancellations").then().statusCode(200).body("cancelled", equalTo(true));

        // an outcome queued on the tablet before the withdrawal reached it
        as("inspector1").header("If-Match", seen).body(noDiscrepancy()).put("/api/v1/inspections/{id}/outcome", taskId).then()
                .statusCode(409).body("type", equalTo("https://opencustoms.org/problems/task-cancelled"));
        as("supervisor").body(Map.of("assignee", "inspector2")).put("/api/v1/inspections/{id}/assignee", taskId).then()
                .statusCode(409).body("type", equalTo("https://opencustoms.org/problems/task-cancelled"));
        as("inspector1").get("/api/v1/inspections/{id}", taskId).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void aCancellationForAnOlderVersionLeavesTheNewerTaskAlone() {
        Map<String, Object> first = handoff(containerNumber());
        as("selection-service").body(first).post("/api/v1/inspections").then().statusCode(201);
        as("selection-service").body(amended(first, 3, containerNumber())).post("/api/v1/inspections").then().statusCode(200);

        as("selection-service").body(Map.of("filingId", first.get("filingId"), "filingVersion", 2, "reason", "RELEASED_AFTER_AMENDMENT",
                "decisionId", UUID.randomUUID().toString())).post("/api/v1/inspections/cancellations").then().statusCode(200)
                .body("cancelled", equalTo(false));
        as("selection-service").body(Map.of("filingId", UUID.randomUUID().toString(), "filingVersion", 1, "reason", "WITHDRAWN"))
                .post("/api/v1/inspections/cancellations").then().statusCode(200).body("cancelled", equalTo(false));
        as("selection-service").body(Map.of("filingVersion", 0, "reason", "LOST_INTEREST"))
                .post("/api/v1/inspections/cancellations").then().statusCode(400).contentType("application/problem+json");
        as("selection-service").body(Map.of("filingVersion", 0, "reason", "WITHDRAWN"))
                .post("/api/v1/inspections/cancellations").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aCancellationThatArrivesBeforeItsTaskMakesTheTaskStartCancelled() {
        Map<String, Object> withdrawnFirst = handoff(containerNumber());
        as("selection-service").body(Map.of("filingId", withdrawnFirst.get("filingId"), "filingVersion", 1, "reason", "WITHDRAWN"))
                .post("/api/v1/inspections/cancellations").then().statusCode(200).body("cancelled", equalTo(false));
        String taskId = as("selection-service").body(withdrawnFirst).post("/api/v1/inspections").then().statusCode(201)
                .body("status", equalTo("CANCELLED")).extract().path("id");
        as("inspector1").post("/api/v1/inspections/{id}/claim", taskId).then().statusCode(409);
        as("inspector1").get("/api/v1/inspections/{id}", taskId).then().statusCode(200)
                .body("shipmentChanges.kind", equalTo(List.of("CANCELLED")));

        Map<String, Object> amendedLater = amended(withdrawnFirst, 2, containerNumber());
        as("selection-service").body(amendedLater).post("/api/v1/inspections").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("filingVersion", equalTo(2));
    }

    private static Map<String, Object> amended(Map<String, Object> handoff, int version, String container) {
        Map<String, Object> amended = new HashMap<>(handoff);
        amended.put("decisionId", UUID.randomUUID().toString());
        amended.put("filingVersion", version);
        amended.put("containers", List.of(container));
        return amended;
    }
}
