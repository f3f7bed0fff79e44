package org.opencustoms.selection.log;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.selection.decision.CanonicalJson;
import org.opencustoms.selection.decision.Decision;
import org.opencustoms.selection.decision.DisclosedDecision;
import org.opencustoms.selection.decision.Lane;
import org.opencustoms.selection.decision.Reason;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The decision log at scale: append, tree head, proofs and full verification with 10 k, 100 k and 1 M entries.
 * Not part of {@code ./mvnw verify} (the name does not end in Test); run it with
 * {@code ./mvnw -pl selection-service verify -Dtest=DecisionLogBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dlog.benchmark.sizes=10000,100000,1000000]}. Entries are written by SQL in the format the service writes
 * (commitment envelopes with salts, subtree nodes built as the migration builds them); appends, heads, proofs and
 * verification then run through the service's own code, the last three over HTTP.
 */
@QuarkusTest
class DecisionLogBenchmark {

    private static final int SAMPLES = 200;
    /** One decision of a realistic size stands for all: each entry still gets its own salt, so its own commitment. */
    private static final byte[] INTELLIGENCE_SALT = new byte[CommitmentEnvelope.SALT_BYTES];
    private static final Decision DECISION = new Decision(UUID.randomUUID(), UUID.randomUUID(), 1, "0".repeat(64), "ISF|MAEU|BENCH0000001",
            "USLAX", Instant.parse("2026-01-01T00:00:00Z"), Lane.RELEASE, 0.12, 0.1, 0.02, "customs-declarations@1", 0, false, false,
            "2026-01-01", 0.02, "f".repeat(64), 0.02, List.of(new Reason("RULE", "origin-high-risk", 0.1,
                    "Origin VN is under a temporary operation"), new Reason("MODEL", "declared_value", 0.01, "declared value")), null);
    private static final byte[] WHOLE = CanonicalJson.bytes(DECISION);
    private static final byte[] DISCLOSED = CanonicalJson.bytes(DisclosedDecision.of(DECISION, Map.of(), INTELLIGENCE_SALT));

    /** A full verification of a million entries takes longer than the default test read timeout. */
    private static final io.restassured.config.RestAssuredConfig LONG_READS = io.restassured.RestAssured.config().httpClient(
            io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 600_000));

    @Inject
    Pool database;

    @Inject
    DecisionLog log;

    @Test
    void appendProofAndVerificationAtThreeSizes() throws Throwable {
        long[] sizes = Arrays.stream(System.getProperty("log.benchmark.sizes", "10000,100000,1000000").split(","))
                .mapToLong(Long::parseLong).toArray();
        System.out.printf("%nDecision log benchmark (%d cores, heap max %d MiB); ms per operation, median and 95th percentile%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-9s %-18s %-18s %-18s %-18s %s%n", "entries", "append", "tree head (sign)", "inclusion proof",
                "consistency proof", "full verification");
        long filled = 0;
        for (long size : sizes) {
            long fillStart = System.nanoTime();
            fill(filled, size);
            filled = size;
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            double[] appends = new double[SAMPLES];
            double[] heads = new double[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                long index = filled++;
                DecisionLog.Content content = new DecisionLog.Content(WHOLE, DISCLOSED, INTELLIGENCE_SALT, "2026-01-01", Instant.now());
                long start = System.nanoTime();
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> log.lock().chain(l -> log.append(l, content))));
                appends[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                given().get("/api/v1/audit/log/tree-head").then().statusCode(200);
                heads[i] = (System.nanoTime() - start) / 1e6;
            }
            long tree = filled;
            Random random = new Random(size);
            double[] inclusions = new double[SAMPLES];
            double[] consistencies = new double[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                long index = Math.floorMod(random.nextLong(), tree);
                long start = System.nanoTime();
                given().get("/api/v1/audit/log/proofs/inclusion?index=" + index).then().statusCode(200);
                inclusions[i] = (System.nanoTime() - start) / 1e6;
                long from = 1 + Math.floorMod(random.nextLong(), tree - 1);
                start = System.nanoTime();
                given().get("/api/v1/audit/log/proofs/consistency?from=" + from + "&to=" + tree).then().statusCode(200);
                consistencies[i] = (System.nanoTime() - start) / 1e6;
            }
            System.gc();
            long start = System.nanoTime();
            given().config(LONG_READS).get("/api/v1/audit/log/verify").then().statusCode(200).body("problems", org.hamcrest.Matchers.empty())
                    .body("verified", equalTo(true))
                    .body("entriesChecked", equalTo((int) tree));
            double verifySeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-9d %-18s %-18s %-18s %-18s %.1f s (%.0f entries/s); filled by SQL in %.0f s%n", tree,
                    summary(appends), summary(heads), summary(inclusions), summary(consistencies), verifySeconds,
                    tree / verifySeconds, fillSeconds);
        }
    }

    /** Entries [from, to) as the service writes them, then their subtree nodes and the log's size. */
    private void fill(long from, long to) {
        run("INSERT INTO selection.decision_log_entry (log_index, entry, leaf_hash, appended_at, format, period, decision, disclosed, salt, intelligence_salt) "
                + "SELECT i, e.envelope, sha256('\\x00'::bytea || e.envelope), now(), 2, '2026-01-01', decode('" + hex(WHOLE) + "', 'hex'), "
                + "c.content, c.salt, decode('" + hex(INTELLIGENCE_SALT) + "', 'hex') "
                + "FROM generate_series(" + from + ", " + (to - 1) + ") i, "
                + "LATERAL (SELECT decode('" + hex(DISCLOSED) + "', 'hex') AS content, sha256(int8send(i)) AS salt) c, "
                + "LATERAL (SELECT convert_to('{\"commitment\":\"' || encode(sha256(c.salt || c.content), 'hex') "
                + "|| '\",\"format\":\"opencustoms-decision/v2\",\"index\":' || i || ',\"period\":\"2026-01-01\",\"time\":\"2026-01-01T00:00:00Z\"}', 'UTF8') AS envelope) e");
        run("INSERT INTO selection.decision_log_node (level, node_index, hash) SELECT 0, log_index, leaf_hash "
                + "FROM selection.decision_log_entry WHERE log_index >= " + from);
        for (int level = 0; (to >> (level + 1)) > 0; level++) {
            long firstParent = (from >> (level + 1));
            run("INSERT INTO selection.decision_log_node (level, node_index, hash) "
                    + "SELECT " + (level + 1) + ", l.node_index / 2, sha256('\\x01'::bytea || l.hash || r.hash) "
                    + "FROM selection.decision_log_node l JOIN selection.decision_log_node r ON r.level = " + level
                    + " AND r.node_index = l.node_index + 1 WHERE l.level = " + level + " AND l.node_index % 2 = 0 AND l.node_index / 2 >= "
                    + firstParent + " ON CONFLICT DO NOTHING");
        }
        run("UPDATE selection.decision_log_state SET size = " + to);
    }

    private void run(String sql) {
        database.query(sql).execute().await().indefinitely();
    }

    private static String summary(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format("%.2f / %.2f", sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)]);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
