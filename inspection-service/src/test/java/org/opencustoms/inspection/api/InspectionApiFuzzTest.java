package org.opencustoms.inspection.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.JsonFuzzer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencustoms.inspection.Fixtures.as;
import static org.opencustoms.inspection.Fixtures.claimedTask;
import static org.opencustoms.inspection.Fixtures.containerNumber;
import static org.opencustoms.inspection.Fixtures.finding;
import static org.opencustoms.inspection.Fixtures.handoff;
import static org.opencustoms.inspection.Fixtures.noDiscrepancy;

/** Mutated hand-offs, findings and outcomes: no 5xx, refusals as problems, and only accepted ones change anything. */
@QuarkusTest
class InspectionApiFuzzTest {

    /** A port of the fuzz test's own, so that its hundreds of tasks crowd no other test's queue. */
    private static final String PORT = "USZZF";

    private final JsonFuzzer fuzzer = new JsonFuzzer(20261204L);

    @Test
    void mutatedHandoffsCreateTasksOnlyWhenValid() {
        long before = totalTasks();
        JsonFuzzer.Tally handoffs = fuzzer.send(1000, InspectionApiFuzzTest::handoffAtFuzzPort, () -> as("selection-service"),
                (request, body) -> request.body(body).post("/api/v1/inspections"));
        assertEquals(before + handoffs.created(), totalTasks(), "only valid hand-offs create tasks");
    }

    @Test
    void mutatedFindingsAndOutcomesNeverBreakTheService() {
        fuzzer.send(1000, () -> new HashMap<>(finding("SCAN-" + UUID.randomUUID(), containerNumber())), () -> as("scan-analysis-service"),
                (request, body) -> request.body(body).post("/api/v1/scan-findings"));

        String task = claimedTask("inspector1");
        JsonFuzzer.Tally outcomes = fuzzer.send(1000, () -> new HashMap<>(noDiscrepancy()), () -> as("inspector1"),
                (request, body) -> request.header("If-Match", etag(task)).body(body).put("/api/v1/inspections/{id}/outcome", task));
        int versions = as("inspector1").get("/api/v1/inspections/{id}/outcome/versions", task).then().statusCode(200).extract().path("size()");
        assertEquals(outcomes.accepted(), versions, "only accepted outcomes are recorded");
    }

    private static Map<String, Object> handoffAtFuzzPort() {
        Map<String, Object> handoff = new HashMap<>(handoff(containerNumber()));
        handoff.put("port", PORT);
        return handoff;
    }

    private static String etag(String task) {
        return as("inspector1").get("/api/v1/inspections/{id}", task).then().statusCode(200).extract().header("ETag");
    }

    private static long totalTasks() {
        Map<String, Object> page = as("supervisor").queryParam("size", 1).get("/api/v1/inspections").then().statusCode(200).extract().path("$");
        return ((Number) page.get("total")).longValue();
    }
}
