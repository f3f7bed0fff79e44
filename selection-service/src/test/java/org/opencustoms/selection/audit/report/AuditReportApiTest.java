package org.opencustoms.selection.audit.report;

import org.opencustoms.selection.Actors;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencustoms.selection.isf.IsfFixtures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports over real filings, decisions and outcome labels. The filings go to a port of their own so
 * that the counts are exact whatever other tests have filed.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReportApiTest {

    private final String port = "UST" + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
    private final List<String> decisions = new ArrayList<>();

    /** Quarkus points RestAssured at the app only per test, so the history is made by the first test that needs it. */
    @BeforeEach
    void fileAndInspectOnce() {
        if (!decisions.isEmpty()) {
            return;
        }
        for (String origin : List.of("CN", "CN", "CN", "CN", "VN", "VN")) {
            String location = IsfFixtures.post(filing(origin)).then().statusCode(201).extract().header("Location");
            decisions.add(decisionOf(location));
            if (decisions.size() == 1) {
                Actors.importer().contentType(ContentType.JSON).body(filing(origin)).header("If-Match", "1").put(location).then().statusCode(200);
            }
        }
        label(decisions.get(1), UUID.randomUUID(), 1, true);
        UUID corrected = UUID.randomUUID();
        label(decisions.get(2), corrected, 1, true);
        label(decisions.get(2), corrected, 2, false);
        label(decisions.get(4), UUID.randomUUID(), 1, false);
    }

    @Test
    void kpisCountEachFilingOnceAndTheLatestOutcomeOfEach() {
        supervisor().get("/api/v1/audit/kpis?port=" + port).then().statusCode(200)
                .body("basis.port", equalTo(port))
                .body("basis.filings", equalTo(6))
                .body("basis.inspected", equalTo(3))
                .body("hitRates.allInspected.count", equalTo(1))
                .body("hitRates.allInspected.of", equalTo(3))
                .body("lanes", hasSize(4))
                .body("lanes.share.count.sum()", equalTo(6))
                .body("days.decisions.sum()", equalTo(6))
                .body("filingToDecisionMillis.count", equalTo(6))
                .body("filingToDecisionMillis.p50", greaterThanOrEqualTo(0f))
                .body("filingToDecisionMillis.p95", greaterThanOrEqualTo(0f));
        Map<String, Number> latency = supervisor().get("/api/v1/audit/kpis?port=" + port).then().extract().path("filingToDecisionMillis");
        assertTrue(latency.get("p50").doubleValue() <= latency.get("p95").doubleValue(), latency.toString());
    }

    @Test
    void fairnessGroupsByOriginAndCallsSmallGroupsTooFewToJudge() {
        supervisor().get("/api/v1/audit/fairness?groupBy=origin&port=" + port).then().statusCode(200)
                .body("groupBy", equalTo("origin"))
                .body("groups.group", equalTo(List.of("CN", "VN")))
                .body("groups.filings", equalTo(List.of(4, 2)))
                .body("groups.judged", equalTo(List.of(false, false)))
                .body("groups[0].note", startsWith("too few to judge"))
                .body("flags", hasSize(0))
                .body("method.minFilings", equalTo(30))
                .body("randomIndependence.verdict", startsWith("too few to judge"));
        supervisor().get("/api/v1/audit/fairness?groupBy=first-time-importer&port=" + port).then().statusCode(200)
                .body("groups.filings.sum()", equalTo(6));
    }

    @Test
    void everyReportStatesTheSignedTreeHeadItWasComputedFrom() {
        long size = ((Number) given().get("/api/v1/audit/log/tree-head").then().statusCode(200).extract().path("treeSize")).longValue();
        Map<String, Object> basis = supervisor().get("/api/v1/audit/compliance?port=" + port).then().statusCode(200)
                .body("method", containsString("Horvitz-Thompson"))
                .extract().path("basis");
        @SuppressWarnings("unchecked") Map<String, Object> head = (Map<String, Object>) basis.get("treeHead");
        assertEquals(size, ((Number) head.get("treeSize")).longValue());
        assertTrue(((String) head.get("signature")).length() > 40);
        assertEquals(6, basis.get("filings"));
    }

    @Test
    void tablesExportAsCsvWithTheTreeHeadOnEveryRow() {
        String csv = supervisor().accept("text/csv").get("/api/v1/audit/fairness?groupBy=origin&port=" + port).then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("fairness-origin.csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("period_from,period_to,port,tree_size,root_hash,group_by,group,filings,judged,risk_selected_count"), lines[0]);
        assertTrue(lines[1].contains("," + port + ",") && lines[1].contains(",origin,CN,4,false,"), lines[1]);
        supervisor().get("/api/v1/audit/kpis?format=csv&table=lanes&port=" + port).then().statusCode(200)
                .body(startsWith("period_from,period_to,port,tree_size,root_hash,lane,decisions_count"));
        supervisor().get("/api/v1/audit/compliance?format=csv&port=" + port).then().statusCode(200)
                .body(containsString("violation_rate,lower95,upper95"));
    }

    @Test
    void badParametersAreProblems() {
        problem(supervisor().get("/api/v1/audit/fairness?groupBy=colour"), "invalid-group-by", "origin, importer, carrier");
        problem(supervisor().get("/api/v1/audit/fairness"), "invalid-group-by", "required");
        problem(supervisor().get("/api/v1/audit/kpis?from=yesterday"), "invalid-period", "from must be a date");
        problem(supervisor().get("/api/v1/audit/kpis?from=2026-11-20&to=2026-11-10"), "invalid-period", "must be before");
        problem(supervisor().get("/api/v1/audit/kpis?from=2020-01-01&to=2026-01-01"), "invalid-period", "at most 400 days");
        problem(supervisor().get("/api/v1/audit/compliance?port=la"), "invalid-port", "UN/LOCODE");
        problem(supervisor().get("/api/v1/audit/compliance?format=xml"), "invalid-format", "json or csv");
        problem(supervisor().get("/api/v1/audit/kpis?format=csv&table=ports"), "invalid-table", "days or lanes");
    }

    @Test
    void onlySupervisorsAndAuditorsReadTheReports() {
        Actors.as(Roles.AUDITOR).get("/api/v1/audit/fairness?groupBy=origin").then().statusCode(200);
        Actors.as(Roles.ANALYST).get("/api/v1/audit/fairness?groupBy=origin").then().statusCode(403);
        Actors.importer().get("/api/v1/audit/kpis").then().statusCode(403);
        given().get("/api/v1/audit/kpis").then().statusCode(401);
    }

    private static void problem(io.restassured.response.Response response, String type, String detail) {
        response.then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", containsString(type)).body("detail", containsString(detail));
    }

    private Map<String, Object> filing(String origin) {
        Map<String, Object> filing = IsfFixtures.isf10();
        filing.put("portOfArrival", port);
        IsfFixtures.with(filing, "commodityLines[0].countryOfOrigin", origin);
        return filing;
    }

    private static String decisionOf(String filingLocation) {
        return Actors.as(Roles.AUDITOR).get(filingLocation + "/decision").then().statusCode(200)
                .extract().path("decision.id");
    }

    private static void label(String decisionId, UUID inspectionId, int version, boolean violation) {
        Map<String, Object> label = new HashMap<>();
        label.put("inspectionId", inspectionId.toString());
        label.put("decisionId", decisionId);
        label.put("outcomeVersion", version);
        label.put("violationFound", violation);
        label.put("category", violation ? "MISDECLARED_GOODS" : null);
        label.put("categories", violation ? List.of("MISDECLARED_GOODS") : List.of());
        label.put("examination", "NII_ONLY");
        label.put("action", violation ? "HOLD" : "RELEASE");
        label.put("correction", version > 1);
        label.put("recordedAt", java.time.Instant.now().plusSeconds(version).toString());
        Actors.as(Roles.INSPECTION_SERVICE).contentType(ContentType.JSON).body(label)
                .post("/api/v1/outcome-labels").then().statusCode(201);
    }

    private static RequestSpecification supervisor() {
        return Actors.as(Roles.SUPERVISOR);
    }
}
