package org.opencustoms.selection.decision;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.selection.isf.IsfFixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selected shipments reach inspection-service (here a stand-in that records calls and can be made to fail). */
@QuarkusTest
@TestProfile(HandoffRelayTest.WithStandIn.class)
class HandoffRelayTest {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    /** path and body of each call taken, in order */
    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    static final AtomicInteger STATUS = new AtomicInteger(201);
    static final HttpServer STAND_IN = standIn();

    public static class WithStandIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.inspection.url", "http://localhost:" + STAND_IN.getAddress().getPort(),
                    "selection.handoff.every", "1s");
        }
    }

    @Inject
    Pool database;

    @Test
    void aSelectedShipmentBecomesATaskAndSurvivesAnOutageOfInspectionService() {
        String first = selectedShipment();
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.stream().anyMatch(body -> body.contains(first)));
        assertTrue(AUTHORIZATIONS.stream().allMatch(a -> a.startsWith("Bearer ")
                        && org.opencustoms.testing.TestTokens.rolesOf(a).equals(java.util.List.of("selection-service"))),
                "selection-service calls inspection-service with its own service token: " + AUTHORIZATIONS);
        assertTrue(task(first).contains("\"importerParty\":\"" + org.opencustoms.selection.Actors.IMPORTER_PARTY + "\""),
                "the task names the filing's owner, so it can appeal: " + task(first));
        assertEquals("DELIVERED", await().atMost(Duration.ofSeconds(10)).until(() -> state(first), "DELIVERED"::equals));
        String task = task(first);
        assertTrue(task.contains("\"lane\":\"PHYSICAL_EXAM\""), task);
        assertTrue(task.contains("\"containers\":["), task);

        STATUS.set(503);
        String second = selectedShipment();
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(second) >= 2);
        assertEquals("PENDING", state(second), "an outage leaves the hand-off queued");

        STATUS.set(201);
        // after two or more failures the next try can be 8 or 16 s away, behind a breaker open for up to 10 s
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(state(second)));
    }

    @Test
    void aWithdrawalCancelsTheShipmentsTaskAndNeverOvertakesIt() {
        STATUS.set(503);
        String location = selectedFiling();
        String filingId = location.substring(location.lastIndexOf('/') + 1);
        String decision = DecisionApiTest.decisionOf(location).getString("decision.id");
        org.opencustoms.selection.Actors.importer().when().delete(location).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(decision) >= 2);

        STATUS.set(201);
        // the task's hand-off has failed twice or more: its next try can be 8 s away, 16 s after a third failure (backoff from
        // 2 s, jitter in the upper half), behind a breaker open for up to 10 s, and the task and then its cancellation each
        // wait for a 5 s poll: more than the 20 s this once allowed on a loaded machine
        await().atMost(Duration.ofSeconds(60)).until(() -> CALLS.stream().anyMatch(call ->
                call.startsWith("/api/v1/inspections/cancellations ") && call.contains(filingId)));
        List<String> forFiling = CALLS.stream().filter(call -> call.contains(filingId)).toList();
        assertEquals(2, forFiling.size(), "the task, then its cancellation: " + forFiling);
        assertTrue(forFiling.get(0).startsWith("/api/v1/inspections ") && forFiling.get(0).contains(decision), forFiling.get(0));
        assertTrue(forFiling.get(1).contains("\"reason\":\"WITHDRAWN\"") && forFiling.get(1).contains("\"filingVersion\":1"),
                forFiling.get(1));
    }

    @Test
    void aHandoffRefusedForGoodIsADeadLetterAndTheRestFlowOn() {
        STATUS.set(422);
        String refused = selectedShipment();
        assertEquals("DEAD", await().atMost(Duration.ofSeconds(20)).until(() -> state(refused), "DEAD"::equals));
        assertEquals(1, attempts(refused), "a refusal is final: not retried");

        STATUS.set(201);
        String next = selectedShipment();
        assertEquals("DELIVERED", await().atMost(Duration.ofSeconds(20)).until(() -> state(next), "DELIVERED"::equals),
                "a dead letter blocks nothing, and a refusal does not open the breaker");
        org.opencustoms.selection.Actors.as("supervisor").get("/api/v1/admin/outboxes/handoff/dead-letters").then().statusCode(200)
                .body("payload", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(refused)));
    }

    private String selectedFiling() {
        Map<String, Object> filing = IsfFixtures.isf10();
        IsfFixtures.with(filing, "commodityLines[0].countryOfOrigin", "KP");
        IsfFixtures.with(filing, "commodityLines[0].htsNumber", "9306.30.4100");
        return IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");
    }

    private String selectedShipment() {
        return DecisionApiTest.decisionOf(selectedFiling()).getString("decision.id");
    }

    private String state(String decisionId) {
        Row row = handoff(decisionId);
        return row == null ? null : row.getString("state");
    }

    private int attempts(String decisionId) {
        Row row = handoff(decisionId);
        return row == null ? 0 : row.getInteger("attempts");
    }

    private Row handoff(String decisionId) {
        var rows = database.preparedQuery("SELECT state, attempts FROM selection.inspection_handoff WHERE decision_id = $1")
                .execute(Tuple.of(UUID.fromString(decisionId))).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static HttpServer standIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/v1/inspections", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = STATUS.get();
                if (status < 300) {
                    RECEIVED.add(body);
                    CALLS.add(exchange.getRequestURI().getPath() + " " + body);
                    AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String task(String decisionId) {
        return RECEIVED.stream().filter(body -> body.contains(decisionId)).findFirst().orElseThrow();
    }
}
