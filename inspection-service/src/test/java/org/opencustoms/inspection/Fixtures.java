package org.opencustoms.inspection;

import io.restassured.specification.RequestSpecification;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Hand-offs, findings and outcomes as the peers and the tablets send them. */
public final class Fixtures {

    private Fixtures() {
    }

    /** the port of the test hand-offs, where both test inspectors work */
    public static final String PORT = "USLAX";
    /** the importer party of the test hand-offs */
    public static final String IMPORTER_PARTY = "IMP-TEST";

    /** A request with the token of the user or peer service of that name. */
    public static RequestSpecification as(String user) {
        return TestTokens.bearer(token(user)).contentType("application/json");
    }

    public static String token(String user) {
        if (user.startsWith("inspector")) {
            return TestTokens.inspector(user, PORT);
        }
        if (user.equals(Roles.IMPORTER)) {
            return TestTokens.party(Roles.IMPORTER, IMPORTER_PARTY);
        }
        return TestTokens.of(user);
    }

    /** A valid ISO 6346 number with a random serial (owner code TST). */
    public static String containerNumber() {
        String firstTen = "TSTU" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return firstTen + org.opencustoms.codes.ContainerNumbers.checkDigit(firstTen);
    }

    public static Map<String, Object> handoff(String container) {
        return Map.ofEntries(
                Map.entry("decisionId", UUID.randomUUID().toString()),
                Map.entry("filingId", UUID.randomUUID().toString()),
                Map.entry("filingVersion", 1),
                Map.entry("shipmentKey", "MAEU|MAEU" + ThreadLocalRandom.current().nextInt(1_000_000)),
                Map.entry("port", "USLAX"),
                Map.entry("lane", "NII_SCAN"),
                Map.entry("containers", List.of(container)),
                Map.entry("billOfLading", "MAEU123456"),
                Map.entry("reasons", List.of(
                        Map.of("source", "RULE", "id", "late-filing", "weight", 1.2, "text", "filed less than 24 h before lading"),
                        Map.of("source", "MODEL", "id", "model", "weight", 0.4, "text", "model: importer history contributes +0.4"))),
                Map.entry("riskScore", 0.72),
                Map.entry("pickedAtRandom", false),
                Map.entry("importerParty", IMPORTER_PARTY),
                Map.entry("estimatedArrivalAt", Instant.now().plus(2, ChronoUnit.DAYS).toString()));
    }

    public static Map<String, Object> finding(String scanId, String container) {
        return Map.of(
                "scanId", scanId,
                "containerNumber", container,
                "modality", "XRAY",
                "threatScore", 0.83,
                "emptyScore", 0.02,
                "imageWidth", 1024,
                "imageHeight", 400,
                "regions", List.of(Map.of("x", 600, "y", 120, "w", 120, "h", 80, "score", 0.91, "label", "dense metal",
                                "threatClass", "dense-shielding"),
                        Map.of("x", 300, "y", 200, "w", 60, "h", 60, "score", 0.55, "label", "organic block")),
                "modelVersion", "test");
    }

    public static Map<String, Object> noDiscrepancy() {
        return Map.of("examination", "NII_ONLY", "sealsBefore", List.of("SL123"), "sealsAfter", List.of("SL123"),
                "result", "NO_DISCREPANCY", "action", "RELEASE", "minutesSpent", 20);
    }

    public static Map<String, Object> narcoticsFound() {
        return Map.of("examination", "FULL_PHYSICAL", "sealsBefore", List.of("SL123"), "sealsAfter", List.of("SL999"),
                "result", "FINDINGS",
                "findings", List.of(Map.of("category", "NARCOTICS", "description", "bricks in the floor", "quantity", 12.5, "unit", "kg")),
                "action", "SEIZURE", "minutesSpent", 95);
    }

    /** Creates a task as selection-service would and returns its id. */
    public static String createTask(String container) {
        return as("selection-service").body(handoff(container)).post("/api/v1/inspections").then().statusCode(201).extract().path("id");
    }

    /** Creates a task and claims it for the inspector; returns its id. */
    public static String claimedTask(String inspector) {
        String id = createTask(containerNumber());
        as(inspector).post("/api/v1/inspections/{id}/claim", id).then().statusCode(200);
        return id;
    }

    public static String etag(String user, String taskId) {
        return as(user).get("/api/v1/inspections/{id}", taskId).then().statusCode(200).extract().header("ETag");
    }
}
