package org.opencustoms.selection.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;

/** The full verification is open to anyone, so it is rate-limited: beyond the limit a 429 problem says when to come back. */
@QuarkusTest
@TestProfile(LogVerificationRateLimitTest.TwoAMinute.class)
class LogVerificationRateLimitTest {

    public static class TwoAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("org.opencustoms.selection.audit.AuditLogResource/verify/RateLimit/value", "2");
        }
    }

    @Test
    void aThirdVerificationWithinTheMinuteIsRefused() {
        given().get("/api/v1/audit/log/verify").then().statusCode(200);
        given().get("/api/v1/audit/log/verify").then().statusCode(200);
        given().get("/api/v1/audit/log/verify").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("type", endsWith("/rate-limited"));
        // the cheap public endpoints are not limited with it
        given().get("/api/v1/audit/log/tree-head").then().statusCode(200);
    }
}
