package org.opencustoms.selection.random;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.platform.audit.LogAuditor;
import org.opencustoms.selection.isf.IsfFixtures;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A day of decisions made two days ago: its seed is now revealed and anyone can recompute every pick. */
@QuarkusTest
@TestProfile(ClosedPeriodsProfile.class)
class ClosedPeriodAuditTest {

    private static final int FILINGS = 120;

    @Inject
    Pool database;

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyRandomPickOfAClosedPeriodIsRecomputedFromTheRevealedSeed() throws Exception {
        Duration back = Duration.ofDays(2);
        String period = Periods.of(Instant.now().minus(back));
        ShiftableTimeSource.shift(back.negated());
        try {
            for (int i = 0; i < FILINGS; i++) {
                IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201);
            }
        } finally {
            ShiftableTimeSource.shift(Duration.ZERO);
        }

        given().get("/api/v1/audit/seeds").then().statusCode(200)
                .body("find { it.period == '" + period + "' }.revealed", equalTo(true));
        given().get("/api/v1/audit/random-draws/" + period + "/verify").then().statusCode(200)
                .body("verified", equalTo(true))
                .body("seedMatchesCommitment", equalTo(true))
                .body("decisions", equalTo(FILINGS))
                .body("randomPicks", greaterThan(10))
                .body("matches", equalTo(FILINGS));

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        String baseUrl = root.toString().replaceAll("/$", "");
        boolean verified = new LogAuditor(baseUrl, new PrintStream(report, true, StandardCharsets.UTF_8)).verifyRandomDraws(period);
        assertTrue(verified, report.toString(StandardCharsets.UTF_8));

        // a seed swapped after the fact no longer matches its published commitment
        database.preparedQuery("UPDATE selection.random_seed SET seed = set_byte(seed, 0, get_byte(seed, 0) # 1) WHERE period = $1")
                .execute(Tuple.of(period)).await().indefinitely();
        given().get("/api/v1/audit/random-draws/" + period + "/verify").then().statusCode(200)
                .body("verified", equalTo(false))
                .body("seedMatchesCommitment", equalTo(false));
        assertFalse(new LogAuditor(baseUrl, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .verifyRandomDraws(period));
    }
}
