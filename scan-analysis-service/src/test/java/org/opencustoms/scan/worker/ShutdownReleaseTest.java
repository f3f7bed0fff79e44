package org.opencustoms.scan.worker;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.scan.client.PayloadSource;
import org.opencustoms.scan.client.ReconnectingChannel;
import org.opencustoms.scan.client.ScanUploader;
import org.opencustoms.scan.ingest.GrpcTestPortResource;
import org.opencustoms.scan.ingest.IngestTestSupport;
import org.opencustoms.scan.ingest.TestPki;
import org.opencustoms.scan.ingest.TestScans;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencustoms.scan.sim.SimulationOptions;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A deploy must not count against a valid scan: an analysis still running when the shutdown wait is over goes
 * back to the queue with its attempt given back, and the result it finishes afterwards is not stored.
 */
@QuarkusTest
@Tag("shutdown") // in its own JVM, with no shutdown wait and one worker: see the shutdown execution in the pom
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
@QuarkusTestResource(InspectionStandIn.class)
class ShutdownReleaseTest {

    @Inject
    AnalysisWorkers workers;
    @Inject
    Pool pool;

    @Test
    void anAnalysisCutShortByShutdownGoesBackToTheQueueUncharged() throws Exception {
        // a full-size scan takes seconds to analyse, long enough to stop the service in the middle
        SimulatedScan simulated = new ScanSimulator(SimulationOptions.defaults().withModality(ModalityChoice.XRAY).withScale(1.0)
                .withThreatRate(0).withEmptyRate(0)).simulate(4_242, 0);
        byte[] payload = simulated.rawPayload();
        String scanId = TestScans.newScanId();
        try (ReconnectingChannel channel = new ReconnectingChannel(IngestTestSupport.target(), TestPki.scannerCredentials())) {
            new ScanUploader(channel).upload(TestScans.header(scanId, simulated.width(), simulated.height(), TestScans.sha256(payload))
                    .setAirValue(simulated.i0()).build(), PayloadSource.ofBytes(payload));
        }
        awaitStatus(scanId, "ANALYSING", Duration.ofSeconds(60));
        assertEquals(1, row(scanId).getInteger("analysis_attempts"));

        workers.stop(null);

        Row released = row(scanId);
        assertEquals("QUEUED", released.getString("status"), "back in the queue for another replica");
        assertEquals(0, released.getInteger("analysis_attempts") - released.getInteger("analysis_forgiven"),
                "the cut-short attempt is not charged");
        await("the interrupted analysis to end").atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .pollInSameThread().dontCatchUncaughtExceptions().until(() -> workers.state().busy() == 0);
        assertEquals("QUEUED", row(scanId).getString("status"), "the late result of a released claim is not stored");
        long stored = pool.preparedQuery("select count(*) from scan_analysis.scan_analysis where scan_id = $1")
                .execute(Tuple.of(scanId)).await().indefinitely().iterator().next().getLong(0);
        assertEquals(0, stored);
    }

    private Row row(String scanId) {
        return pool.preparedQuery("select status, analysis_attempts, analysis_forgiven from scan_analysis.scan where scan_id = $1")
                .execute(Tuple.of(scanId)).await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private void awaitStatus(String scanId, String status, Duration patience) {
        await("scan " + scanId + " to reach " + status).atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .pollInSameThread().dontCatchUncaughtExceptions().until(() -> row(scanId).getString("status"), status::equals);
    }
}
