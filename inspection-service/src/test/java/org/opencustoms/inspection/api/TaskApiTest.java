package org.opencustoms.inspection.api;

import org.opencustoms.testing.TestTokens;
import org.opencustoms.common.identity.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.inspection.PeerStandIn;
import org.opencustoms.testing.PostgresTestResource;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.opencustoms.inspection.Fixtures.as;
import static org.opencustoms.inspection.Fixtures.containerNumber;
import static org.opencustoms.inspection.Fixtures.createTask;
import static org.opencustoms.inspection.Fixtures.finding;
import static org.opencustoms.inspection.Fixtures.handoff;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PeerStandIn.class)
class TaskApiTest {

    @Test
    void theSameDecisionNeverYieldsTwoTasks() {
        Map<String, Object> handoff = handoff(containerNumber());
        String first = as("selection-service").body(handoff).post("/api/v1/inspections").then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");

        String again = as("selection-service").body(handoff).post("/api/v1/inspections").then().statusCode(200).extract().path("id");

        org.junit.jupiter.api.Assertions.assertEquals(first, again);
        as("supervisor").queryParam("port", "USLAX").queryParam("size", 200).get("/api/v1/inspections").then().statusCode(200)
                .body("items.decisionId.findAll { it == '" + handoff.get("decisionId") + "' }", hasSize(1));
    }

    @Test
    void anInvalidHandoffIsRefusedWithEveryProblemNamed() {
        Map<String, Object> handoff = new java.util.HashMap<>(handoff("MSCU1234565"));
        handoff.put("lane", "RELEASE");
        as("selection-service").body(handoff).post("/api/v1/inspections").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("lane"))
                .body("violations.field", hasItem("containers[0]"));
    }

    @Test
    void onlyPeersAndSupervisorsCreateTasks() {
        as("inspector1").body(handoff(containerNumber())).post("/api/v1/inspections").then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(handoff(containerNumber()))
                .post("/api/v1/inspections").then().statusCode(401);
    }

    @Test
    void inspectorsSeeReasonsWithoutModelInternals() {
        String id = createTask(containerNumber());

        as("inspector1").get("/api/v1/inspections/{id}", id).then().statusCode(200)
                .body("reasons.source", contains("RULE"))
                .body("reasons.weight", everyItem(nullValue()))
                .body("riskScore", nullValue());
        as("supervisor").get("/api/v1/inspections/{id}", id).then().statusCode(200)
                .body("reasons.source", contains("RULE", "MODEL"))
                .body("riskScore", equalTo(0.72f));
    }

    @Test
    void anInspectorWorksOnlyAtItsOwnPorts() {
        String id = createTask(containerNumber());
        String elsewhere = TestTokens.inspector("inspector-newark", "USEWR");

        TestTokens.bearer(elsewhere).get("/api/v1/inspections/{id}", id).then().statusCode(404);
        TestTokens.bearer(elsewhere).contentType("application/json").post("/api/v1/inspections/{id}/claim", id).then().statusCode(404);
        TestTokens.bearer(elsewhere).contentType("application/json").body(org.opencustoms.inspection.Fixtures.noDiscrepancy())
                .header("If-Match", "\"1\"").put("/api/v1/inspections/{id}/outcome", id).then().statusCode(404);
        TestTokens.bearer(elsewhere).queryParam("size", 200).get("/api/v1/inspections").then().statusCode(200)
                .body("items.port", everyItem(equalTo("USEWR")));
        TestTokens.bearer(elsewhere).queryParam("port", "USLAX").get("/api/v1/inspections").then().statusCode(200)
                .body("total", equalTo(0));

        as("inspector1").get("/api/v1/inspections/{id}", id).then().statusCode(200);
        as("inspector1").post("/api/v1/inspections/{id}/claim", id).then().statusCode(200);
    }

    @Test
    void supervisorsSeeWhoDidWhatToATask() {
        String id = createTask(containerNumber());
        as("inspector1").post("/api/v1/inspections/{id}/claim", id).then().statusCode(200);
        as("supervisor").body(Map.of("assignee", "inspector2")).put("/api/v1/inspections/{id}/assignee", id).then().statusCode(200);

        as("supervisor").queryParam("task", id).get("/api/v1/task-events").then().statusCode(200)
                .body("kind", contains("ASSIGNED", "CLAIMED", "CREATED"))
                .body("actor", contains("supervisor", "inspector1", "selection-service"))
                .body("actorRole", contains("supervisor", "inspector", "selection-service"));
        as("auditor").queryParam("task", id).queryParam("actor", "inspector1").get("/api/v1/task-events").then().statusCode(200)
                .body("kind", contains("CLAIMED"));
        as("inspector1").get("/api/v1/task-events").then().statusCode(403);
        as("supervisor").queryParam("task", "nope").get("/api/v1/task-events").then().statusCode(422);
    }

    @Test
    void onlySelectionServiceCreatesTasksAndOnlyScanAnalysisPostsFindings() {
        as("supervisor").body(handoff(containerNumber())).post("/api/v1/inspections").then().statusCode(403);
        as("scan-analysis-service").body(handoff(containerNumber())).post("/api/v1/inspections").then().statusCode(403);
        as("selection-service").body(finding("SCAN-" + UUID.randomUUID(), containerNumber())).post("/api/v1/scan-findings")
                .then().statusCode(403);
    }

    @Test
    void aClaimedTaskCannotBeTakenByAnotherInspector() {
        String id = createTask(containerNumber());

        as("inspector1").post("/api/v1/inspections/{id}/claim", id).then().statusCode(200)
                .body("status", equalTo("CLAIMED")).body("assignee", equalTo("inspector1"));
        as("inspector2").post("/api/v1/inspections/{id}/claim", id).then().statusCode(409)
                .body("detail", equalTo("the task is claimed by inspector1"));
        as("inspector1").post("/api/v1/inspections/{id}/claim", id).then().statusCode(200);
        as("inspector2").post("/api/v1/inspections/{id}/release", id).then().statusCode(409);

        as("supervisor").body(Map.of("assignee", "inspector2")).put("/api/v1/inspections/{id}/assignee", id).then().statusCode(200)
                .body("assignee", equalTo("inspector2"));
        as("inspector2").post("/api/v1/inspections/{id}/release", id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("assignee", nullValue());
    }

    @Test
    void myQueueListsWhatIHaveClaimed() {
        String id = createTask(containerNumber());
        as("inspector2").post("/api/v1/inspections/{id}/claim", id).then().statusCode(200);

        as("inspector2").queryParam("assignee", "me").queryParam("status", "CLAIMED").get("/api/v1/inspections").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.assignee", everyItem(equalTo("inspector2")));
        as("inspector1").queryParam("assignee", "me").get("/api/v1/inspections").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("inspector1").queryParam("status", "LOST").get("/api/v1/inspections").then().statusCode(422);
    }

    @Test
    void aScanThatArrivesBeforeItsTaskIsAttachedWhenTheTaskAppears() {
        String container = containerNumber();
        String scanId = "SCAN-" + java.util.UUID.randomUUID();
        as("scan-analysis-service").body(finding(scanId, container)).post("/api/v1/scan-findings").then().statusCode(201)
                .body("taskId", nullValue());
        as("scan-analysis-service").body(finding(scanId, container)).post("/api/v1/scan-findings").then().statusCode(200);

        String id = createTask(container);

        as("inspector1").get("/api/v1/inspections/{id}", id).then().statusCode(200)
                .body("scanFindings", hasSize(1))
                .body("scanFindings[0].scanId", equalTo(scanId))
                .body("scanFindings[0].regions.index", contains(0, 1))
                .body("scanFindings[0].regions.score", contains(0.91f, 0.55f))
                .body("scanFindings[0].regions.threatClass", contains(equalTo("dense-shielding"), nullValue()))
                .body("scanFindings[0].imageUrl", equalTo("/api/v1/inspections/" + id + "/scan-findings/" + scanId + "/image"));
        assertEquals(1024, imageWidth(id, scanId), "the analysis's rendition, in whose pixels the regions are given");
    }

    @Test
    void aScanWithoutAnAnalysisStillShowsItsPlainRendition() {
        String container = containerNumber();
        String scanId = "SCAN-" + PeerStandIn.UNANALYSED + "-" + java.util.UUID.randomUUID();
        String id = createTask(container);
        as("scan-analysis-service").body(finding(scanId, container)).post("/api/v1/inspections/{id}/scan-findings", id).then().statusCode(201);

        assertEquals(512, imageWidth(id, scanId));
    }

    private static int imageWidth(String taskId, String scanId) {
        byte[] png = as("inspector1").get("/api/v1/inspections/{id}/scan-findings/{scan}/image", taskId, scanId).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void findingsForAKnownTaskAreIdempotentOnTheScanId() {
        String id = createTask(containerNumber());
        String scanId = "SCAN-" + java.util.UUID.randomUUID();

        as("scan-analysis-service").body(finding(scanId, "MSCU1234566")).post("/api/v1/inspections/{id}/scan-findings", id)
                .then().statusCode(201).body("taskId", equalTo(id));
        as("scan-analysis-service").body(finding(scanId, "MSCU1234566")).post("/api/v1/inspections/{id}/scan-findings", id)
                .then().statusCode(200);

        as("supervisor").get("/api/v1/inspections/{id}", id).then().body("scanFindings", hasSize(1));
        Map<String, Object> outside = new java.util.HashMap<>(finding("SCAN-X", "MSCU1234566"));
        outside.put("regions", java.util.List.of(Map.of("x", 1000, "y", 0, "w", 100, "h", 10, "score", 0.5)));
        as("scan-analysis-service").body(outside).post("/api/v1/inspections/{id}/scan-findings", id).then().statusCode(422)
                .body("violations[0].field", equalTo("regions[0]"));
        Map<String, Object> unknownKind = new java.util.HashMap<>(finding("SCAN-Y", "MSCU1234566"));
        unknownKind.put("regions", java.util.List.of(Map.of("x", 10, "y", 10, "w", 100, "h", 10, "score", 0.5, "threatClass", "Firearm")));
        as("scan-analysis-service").body(unknownKind).post("/api/v1/inspections/{id}/scan-findings", id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("regions[0].threatClass"));
    }

    @Test
    void meTellsTheAppWhoIsSignedIn() {
        as("inspector1").get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("inspector1")).body("roles", contains("inspector"));
        TestTokens.bearer(TestTokens.foreign(Roles.INSPECTOR)).get("/api/v1/me").then().statusCode(401);
        as("supervisor").get("/api/v1/me").then().body("roles", notNullValue());
    }
}
