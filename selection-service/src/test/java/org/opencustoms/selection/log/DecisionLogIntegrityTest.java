package org.opencustoms.selection.log;

import org.opencustoms.selection.Actors;

import org.opencustoms.common.identity.Roles;

import org.opencustoms.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.selection.isf.IsfFixtures;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DecisionLogIntegrityTest {

    private static final int CONCURRENT_FILINGS = 1000;

    @Inject
    Pool database;

    @TestHTTPResource("/api/v1/isf-filings")
    URL filings;

    @Test
    void concurrentFilingsGetOneDecisionEachWithGapFreeLogIndices() throws Exception {
        long before = given().get("/api/v1/audit/log/tree-head").then().statusCode(200).extract().<Number>path("treeSize").longValue();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String importer = TestTokens.party(Roles.IMPORTER, Actors.IMPORTER_PARTY);
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < CONCURRENT_FILINGS; i++) {
            String body = json.writeValueAsString(IsfFixtures.isf10());
            inFlight.acquire();
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create(filings.toString()))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + importer)
                            .timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()));
        }
        List<UUID> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            HttpResponse<String> r = response.get();
            assertEquals(201, r.statusCode(), r.body());
            ids.add(UUID.fromString(json.readTree(r.body()).get("id").asText()));
        }

        Row row = database.preparedQuery("SELECT count(*) AS decisions, count(DISTINCT log_index) AS indices "
                        + "FROM selection.selection_decision WHERE filing_id = ANY($1)")
                .execute(Tuple.of(ids.toArray(new UUID[0]))).await().indefinitely().iterator().next();
        assertEquals(CONCURRENT_FILINGS, row.getLong("decisions"));
        assertEquals(CONCURRENT_FILINGS, row.getLong("indices"));

        long after = given().get("/api/v1/audit/log/tree-head").then().statusCode(200).extract().<Number>path("treeSize").longValue();
        assertEquals(before + CONCURRENT_FILINGS, after, "one log entry per decision");
        Row gaps = database.query("SELECT count(*) AS entries, min(log_index) AS first, max(log_index) AS last "
                + "FROM selection.decision_log_entry").execute().await().indefinitely().iterator().next();
        assertEquals(0L, gaps.getLong("first"));
        assertEquals(gaps.getLong("entries") - 1, gaps.getLong("last"), "no gaps and no duplicates");
        given().get("/api/v1/audit/log/verify").then().statusCode(200)
                .body("verified", org.hamcrest.Matchers.equalTo(true))
                .body("entriesChecked", org.hamcrest.Matchers.equalTo((int) after));
    }

    @Test
    void changingOneByteOfAnyStoredEntryMakesVerificationFail() {
        for (int i = 0; i < 5; i++) {
            IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201);
        }
        long size = given().get("/api/v1/audit/log/tree-head").then().statusCode(200).extract().<Number>path("treeSize").longValue();
        assertTrue(verified());

        for (long index : new long[] {0, size / 2, size - 1}) {
            for (int offset : new int[] {0, 7, 40}) {
                flipByte(index, offset, false);
                try {
                    assertFalse(verified(), "entry " + index + " byte " + offset + " changed");
                } finally {
                    flipByte(index, offset, false);
                }
                assertTrue(verified(), "restored");
            }
        }
        // a forger who also rewrites the leaf hash is caught by the tree heads the log already signed
        flipByte(size - 1, 3, true);
        try {
            given().get("/api/v1/audit/log/verify").then().statusCode(200)
                    .body("verified", org.hamcrest.Matchers.equalTo(false))
                    .body("problems", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("signed root")));
        } finally {
            flipByte(size - 1, 3, true);
        }
        assertTrue(verified());
    }

    @Test
    void aRotatedKeyKeepsVerifyingItsHeadsAndTamperingWithASaltAHeadOrAStoredNodeIsCaught() {
        IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201);
        String oldKey = given().get("/api/v1/audit/log/tree-head").then().statusCode(200).extract().path("keyId");

        String newKey = Actors.as(Roles.SUPERVISOR).post("/api/v1/admin/log/signing-keys").then().statusCode(200)
                .body("current", org.hamcrest.Matchers.equalTo(true)).extract().path("keyId");
        assertNotEquals(oldKey, newKey);
        assertEquals(1L, database.query("SELECT count(*) FROM selection.log_signing_key WHERE key_id = '" + oldKey
                + "' AND private_key IS NULL").execute().await().indefinitely().iterator().next().getLong(0), "the retired key is gone");
        Actors.as(Roles.AUDITOR).post("/api/v1/admin/log/signing-keys").then().statusCode(403);
        for (int i = 0; i < 3; i++) {
            IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201);
        }
        given().get("/api/v1/audit/log/tree-head").then().statusCode(200).body("keyId", org.hamcrest.Matchers.equalTo(newKey));
        given().get("/api/v1/audit/log/keys").then().statusCode(200)
                .body("find { it.keyId == '" + oldKey + "' }.retiredAt", org.hamcrest.Matchers.notNullValue())
                .body("find { it.keyId == '" + newKey + "' }.current", org.hamcrest.Matchers.equalTo(true));
        assertTrue(verified(), "heads signed by the retired key still verify");

        long size = given().get("/api/v1/audit/log/tree-head").then().statusCode(200).extract().<Number>path("treeSize").longValue();
        long last = size - 1;
        assertCaught("UPDATE selection.decision_log_entry SET salt = set_byte(salt, 5, get_byte(salt, 5) # 1) WHERE log_index = " + last,
                "content and salt do not match its commitment");
        assertCaught("UPDATE selection.decision_log_entry SET disclosed = set_byte(disclosed, 9, get_byte(disclosed, 9) # 1) WHERE log_index = " + last,
                "content and salt do not match its commitment");
        assertCaught("UPDATE selection.signed_tree_head SET signature = set_byte(signature, 1, get_byte(signature, 1) # 1) WHERE tree_size = " + size,
                "does not verify");
        assertCaught("UPDATE selection.signed_tree_head SET key_id = '00000000deadbeef' WHERE tree_size = " + size,
                "UPDATE selection.signed_tree_head SET key_id = '" + newKey + "' WHERE tree_size = " + size, "which the log never had");
        assertCaught("UPDATE selection.decision_log_entry SET decision = set_byte(decision, 20, get_byte(decision, 20) # 1) WHERE log_index = " + last,
                "entry " + last + ": the decision");
        String retired = database.query("SELECT retired_at::text FROM selection.log_signing_key WHERE key_id = '" + oldKey + "'")
                .execute().await().indefinitely().iterator().next().getString(0);
        assertCaught("UPDATE selection.log_signing_key SET retired_at = '2000-01-01T00:00:00Z' WHERE key_id = '" + oldKey + "'",
                "UPDATE selection.log_signing_key SET retired_at = '" + retired + "' WHERE key_id = '" + oldKey + "'", "after it was retired");
        assertCaught("UPDATE selection.decision_log_node SET hash = set_byte(hash, 0, get_byte(hash, 0) # 1) WHERE level = 0 AND node_index = 0",
                "stored subtree hashes");
        assertTrue(verified());
    }

    /** Applies a change, expects verification to name it, then undoes it. Byte flips undo themselves. */
    private void assertCaught(String tamper, String problem) {
        assertCaught(tamper, tamper, problem);
    }

    private void assertCaught(String tamper, String undo, String problem) {
        database.query(tamper).execute().await().indefinitely();
        try {
            given().get("/api/v1/audit/log/verify").then().statusCode(200)
                    .body("verified", org.hamcrest.Matchers.equalTo(false))
                    .body("problems", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(problem)));
        } finally {
            database.query(undo).execute().await().indefinitely();
        }
    }

    private boolean verified() {
        return given().get("/api/v1/audit/log/verify").then().statusCode(200).extract().path("verified");
    }

    private void flipByte(long index, int offset, boolean rehash) {
        database.preparedQuery("UPDATE selection.decision_log_entry SET entry = set_byte(entry, $2, get_byte(entry, $2) # 1) "
                + "WHERE log_index = $1").execute(Tuple.of(index, offset)).await().indefinitely();
        if (rehash) {
            database.preparedQuery("UPDATE selection.decision_log_entry SET leaf_hash = sha256('\\x00'::bytea || entry) "
                    + "WHERE log_index = $1").execute(Tuple.of(index)).await().indefinitely();
        }
    }
}
