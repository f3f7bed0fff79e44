package org.opencustoms.selection.disclosure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.selection.Actors;
import org.opencustoms.selection.isf.IsfFixtures;
import org.opencustoms.selection.random.Periods;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every GET endpoint the OpenAPI document lists is called without a token, with the ids of a fresh, undisclosed
 * decision filled in: whatever answers must not carry a decision's content or today's seed. A new public endpoint is
 * checked without anyone having to remember it.
 */
@QuarkusTest
class PublicEndpointsDiscloseNothingTest {

    /** Fields only a decision has, as they would appear in JSON (a disclosed period's figures count picks, so not those). */
    private static final List<String> DECISION_FIELDS = List.of("\"lane\"", "\"riskScore\"", "\"ruleScore\"", "\"modelScore\"",
            "\"reasons\"", "\"shipmentKey\"", "\"randomDraw\"", "\"intelligenceCommitment\"");

    @Inject
    Pool database;

    @Test
    void noPublicEndpointAnswersWithAnUndisclosedDecisionOrSeed() {
        Map<String, Object> filing = IsfFixtures.isf10();
        IsfFixtures.with(filing, "seller.name", "Golden Crescent General Trading LLC");
        String location = IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");
        JsonPath logged = Actors.as(Roles.AUDITOR).get(location + "/decision").then().statusCode(200).extract().jsonPath();
        String today = Periods.of(Instant.now());
        String seed = HexFormat.of().formatHex(database.preparedQuery("SELECT seed FROM selection.random_seed WHERE period = $1")
                .execute(Tuple.of(today)).await().indefinitely().iterator().next().getBuffer(0).getBytes());
        List<String> secrets = List.of(logged.getString("decision.shipmentKey"), logged.getString("decision.randomDraw"),
                "Golden Crescent", seed, logged.getString("decision.id"));
        long size = logged.getLong("treeHead.treeSize");

        Map<String, String> values = Map.of("id", location.substring(location.lastIndexOf('/') + 1),
                "index", Long.toString(logged.getLong("logIndex")), "period", today, "version", "0", "outbox", "handoff");
        String query = "?index=" + logged.getLong("logIndex") + "&from=1&to=" + size + "&limit=5000";

        JsonPath document = RestAssured.given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> answered = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getValue().containsKey("get")) {
                continue;
            }
            String url = path.getKey();
            for (Map.Entry<String, String> value : values.entrySet()) {
                url = url.replace("{" + value.getKey() + "}", value.getValue());
            }
            Response answer = given().get(url + query);
            if (answer.statusCode() == 401 || answer.statusCode() == 403 || answer.statusCode() == 429) {
                continue;
            }
            answered.add(path.getKey() + " " + answer.statusCode());
            String body = answer.asString();
            for (String secret : DECISION_FIELDS) {
                if (body.contains(secret)) {
                    leaks.add(path.getKey() + " answers with " + secret);
                }
            }
            for (String secret : secrets) {
                if (body.contains(secret)) {
                    leaks.add(path.getKey() + " answers with " + secret);
                }
            }
        }
        assertTrue(answered.size() >= 12, "the public endpoints were reached: " + answered);
        assertTrue(answered.stream().anyMatch(a -> a.startsWith("/api/v1/audit/log/entries ")), answered.toString());
        assertTrue(leaks.isEmpty(), String.join("\n", leaks) + "\nanswered: " + answered);
    }
}
