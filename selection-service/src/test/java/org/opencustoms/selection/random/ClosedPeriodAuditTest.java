package org.opencustoms.selection.random;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.platform.audit.LogAuditor;
import org.opencustoms.testing.TestTokens;
import org.opencustoms.selection.Actors;
import org.opencustoms.selection.disclosure.ShipmentEvents;
import org.opencustoms.selection.isf.IsfFixtures;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A day of decisions made two days ago, past its day of embargo: while any of its shipments is still open, only
 * auditors recompute its draws; once every shipment is released or inspected, anyone can, through the endpoint and
 * the independent auditor.
 */
@QuarkusTest
@TestProfile(EmbargoedPeriodsProfile.class)
class ClosedPeriodAuditTest {

    private static final int FILINGS = 120;

    @Inject
    Pool database;

    @TestHTTPResource("/")
    URL root;

    private record Filed(String location, Map<String, Object> filing) {
    }

    @Test
    void aPeriodIsDisclosedOnlyOnceEveryShipmentIsClosedAndThenAnyoneRecomputesItsDraws() throws Exception {
        Duration back = Duration.ofDays(2);
        String period = Periods.of(Instant.now().minus(back));
        List<Filed> filed = new ArrayList<>();
        ShiftableTimeSource.shift(back.negated());
        try {
            for (int i = 0; i < FILINGS; i++) {
                Map<String, Object> filing = IsfFixtures.isf10();
                String location = IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");
                filed.add(new Filed(location, filing));
            }
        } finally {
            ShiftableTimeSource.shift(Duration.ZERO);
        }
        String baseUrl = root.toString().replaceAll("/$", "");

        // embargoed: shipments are still at sea or in the yard
        given().get("/api/v1/audit/seeds/" + period).then().statusCode(200).body("revealed", equalTo(false)).body("seedHex", nullValue());
        given().get("/api/v1/audit/random-draws/" + period + "/verify").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/period-embargoed"));
        given().get("/api/v1/transparency/periods/" + period + "/decisions").then().statusCode(409);
        given().get("/api/v1/transparency/periods").then().statusCode(200)
                .body("find { it.period == '" + period + "' }.disclosed", equalTo(false))
                .body("find { it.period == '" + period + "' }.waitingForClosure", equalTo(true))
                .body("find { it.period == '" + period + "' }.figures", nullValue());
        // an auditor checks the draws at once, and that is on record
        Actors.as(Roles.AUDITOR).get("/api/v1/audit/random-draws/" + period + "/verify").then().statusCode(200)
                .body("verified", equalTo(true)).body("matches", equalTo(FILINGS));
        assertTrue(auditor(baseUrl, TestTokens.of(Roles.AUDITOR)).verifyRandomDraws(period));
        assertFalse(auditorFails(baseUrl, period), "without a token the embargoed period cannot be audited");
        long recorded = database.preparedQuery("SELECT count(*) FROM selection.disclosure_record WHERE reference = $1 AND audience = 'auditor'")
                .execute(Tuple.of(period)).await().indefinitely().iterator().next().getLong(0);
        assertTrue(recorded >= 2, "the auditor's reads of the embargoed period are recorded");

        int inspected = closeEveryShipment(filed);
        given().get("/api/v1/transparency/periods").then().statusCode(200)
                .body("find { it.period == '" + period + "' }.disclosed", equalTo(true))
                .body("find { it.period == '" + period + "' }.figures.decisions", equalTo(FILINGS))
                .body("find { it.period == '" + period + "' }.figures.inspected", equalTo(inspected))
                .body("find { it.period == '" + period + "' }.figures.randomHitRate.n", greaterThan(10f));
        given().get("/api/v1/audit/seeds/" + period).then().statusCode(200).body("revealed", equalTo(true));
        given().get("/api/v1/audit/random-draws/" + period + "/verify").then().statusCode(200)
                .body("verified", equalTo(true))
                .body("seedMatchesCommitment", equalTo(true))
                .body("decisions", equalTo(FILINGS))
                .body("randomPicks", greaterThan(10))
                .body("matches", equalTo(FILINGS));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        java.nio.file.Path state = java.nio.file.Files.createTempDirectory("auditor").resolve("state.json");
        boolean verified = new LogAuditor(baseUrl, null, new PrintStream(report, true, StandardCharsets.UTF_8))
                .rememberingIn(state).verifyRandomDraws(period);
        assertTrue(verified, report.toString(StandardCharsets.UTF_8));
        // the next run proves the log only grew since the head it remembers; a remembered head the log no longer extends fails
        IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201);
        assertTrue(auditor(baseUrl, null).rememberingIn(state).verifyRandomDraws(period), "the log grew consistently");
        String remembered = java.nio.file.Files.readString(state);
        String rootHash = new io.restassured.path.json.JsonPath(remembered).getString("rootHash");
        java.nio.file.Files.writeString(state, remembered.replace(rootHash, java.util.Base64.getEncoder().encodeToString(new byte[32])));
        assertFalse(auditor(baseUrl, null).rememberingIn(state).verifyRandomDraws(period), "a rewritten history is caught");

        // a seed swapped after the fact no longer matches its published commitment
        database.preparedQuery("UPDATE selection.random_seed SET seed = set_byte(seed, 0, get_byte(seed, 0) # 1) WHERE period = $1")
                .execute(Tuple.of(period)).await().indefinitely();
        given().get("/api/v1/audit/random-draws/" + period + "/verify").then().statusCode(200)
                .body("verified", equalTo(false))
                .body("seedMatchesCommitment", equalTo(false));
        assertFalse(auditor(baseUrl, null).verifyRandomDraws(period));
    }

    /** Inspected shipments get an outcome; the others leave the terminal. Returns how many were inspected. */
    private int closeEveryShipment(List<Filed> filed) {
        int inspected = 0;
        for (Filed f : filed) {
            io.restassured.path.json.JsonPath decision = Actors.as(Roles.AUDITOR).get(f.location() + "/decision").then().statusCode(200)
                    .extract().jsonPath();
            if (ShipmentEvents.inspectionLane(decision.getString("decision.lane"))) {
                inspected++;
                ShipmentEvents.outcome(decision.getString("decision.id"), inspected % 7 == 0);
            } else {
                ShipmentEvents.release(f.filing(), Actors.carrier());
            }
        }
        return inspected;
    }

    private static LogAuditor auditor(String baseUrl, String token) {
        return new LogAuditor(baseUrl, token, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static boolean auditorFails(String baseUrl, String period) {
        try {
            return auditor(baseUrl, null).verifyRandomDraws(period);
        } catch (org.opencustoms.platform.cli.PlatformException e) {
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
