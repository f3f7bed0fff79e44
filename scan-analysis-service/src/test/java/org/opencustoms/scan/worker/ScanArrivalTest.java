package org.opencustoms.scan.worker;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.scheduler.Scheduler;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.identity.Roles;
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
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.testing.TestTokens;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An inspector waits for the analysis of the scan just taken: a stored scan goes to a free worker at once, and the
 * queue's poll (paused here) is only the safety net for scans other replicas stored or a dead process left.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
@QuarkusTestResource(InspectionStandIn.class)
class ScanArrivalTest {

    @Inject
    Scheduler scheduler;
    @Inject
    AnalysisWorkers workers;

    @Test
    void aStoredScanIsClaimedWithoutWaitingForThePoll() throws Exception {
        // a worker finishing an earlier test's scan would claim the next one too, and so hide what is tested here
        await("the workers idle and nothing queued").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(workers::state, state -> state.busy() == 0 && state.queued() == 0 && state.backlog() == 0);
        scheduler.pause(AnalysisWorkers.POLL);
        try {
            assertTrue(scheduler.isPaused(AnalysisWorkers.POLL), "the queue's poll is paused");
            uploadAndAwaitAnalysis();
        } finally {
            scheduler.resume(AnalysisWorkers.POLL);
        }
    }

    private static void uploadAndAwaitAnalysis() throws Exception {
        SimulatedScan simulated = new ScanSimulator(SimulationOptions.defaults().withModality(ModalityChoice.XRAY).withScale(0.3))
                .simulate(8_081, 0);
        byte[] payload = simulated.rawPayload();
        String scanId = TestScans.newScanId();
        try (ReconnectingChannel channel = new ReconnectingChannel(IngestTestSupport.target(), TestPki.scannerCredentials())) {
            new ScanUploader(channel).upload(TestScans.header(scanId, simulated.width(), simulated.height(), TestScans.sha256(payload))
                    .setAirValue(simulated.i0()).build(), PayloadSource.ofBytes(payload));
        }

        JsonPath analysis = await("scan " + scanId + " analysed with the queue's poll paused").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100)).until(() -> analysis(scanId), json -> "ANALYSED".equals(json.getString("status")));

        double waited = analysis.getDouble("timings.waitedMillis");
        assertTrue(waited < 5_000, "claimed when stored: waited " + waited + " ms");
        OffsetDateTime receivedAt = OffsetDateTime.parse(analysis.getString("receivedAt"));
        assertFalse(receivedAt.isAfter(OffsetDateTime.parse(analysis.getString("analysedAt"))), "stored before analysed");
    }

    private static JsonPath analysis(String scanId) {
        return TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}/analysis", scanId).then().statusCode(200).extract().jsonPath();
    }
}
