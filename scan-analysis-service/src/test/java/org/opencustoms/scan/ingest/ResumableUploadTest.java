package org.opencustoms.scan.ingest;

import org.opencustoms.common.identity.Roles;

import org.opencustoms.testing.TestTokens;

import io.grpc.ManagedChannel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.proto.scan.v1.ScanIngestGrpc;
import org.opencustoms.proto.scan.v1.UploadStatus;
import org.opencustoms.proto.scan.v1.UploadStatusRequest;
import org.opencustoms.scan.client.PayloadSource;
import org.opencustoms.scan.client.ReconnectingChannel;
import org.opencustoms.scan.client.RetryPolicy;
import org.opencustoms.scan.client.ScanUploader;
import org.opencustoms.scan.client.UploadListener;
import org.opencustoms.scan.client.UploadResult;
import org.opencustoms.scan.store.PayloadStore;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scanners on plant networks lose connections: an upload resumes where the server's bytes end. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
class ResumableUploadTest {

    @Inject
    PayloadStore store;

    @Inject
    PartialUploadReaper reaper;

    @ConfigProperty(name = "scan.ingest.partial-upload-ttl")
    Duration partialUploadTtl;

    @Test
    void aConnectionKilledMidUploadResumesAndCompletesWithTheRightChecksum() throws Exception {
        int width = 2048;
        int height = 3072;
        byte[] payload = TestScans.pattern(width, height);
        String scanId = TestScans.newScanId();
        ScanHeader header = TestScans.headerFor(scanId, width, height, payload);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong resumedAt = new AtomicLong(-1);
        try (ReconnectingChannel channels = new ReconnectingChannel(IngestTestSupport.target(), TestPki.scannerCredentials())) {
            UploadListener killHalfway = new UploadListener() {
                @Override
                public void sent(long endOffset) {
                    if (endOffset >= payload.length / 2 && killed.compareAndSet(false, true)) {
                        channels.get().shutdownNow();
                    }
                }

                @Override
                public void resumingAt(long offset) {
                    resumedAt.set(offset);
                }
            };
            ScanUploader uploader = new ScanUploader(channels, new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(500)),
                    256 * 1024, killHalfway);

            UploadResult result = uploader.upload(header, PayloadSource.ofBytes(payload));

            assertTrue(killed.get());
            assertEquals(2, result.attempts());
            assertFalse(result.duplicate());
            assertTrue(resumedAt.get() > 0, "the second attempt resumed instead of starting over");
            assertTrue(result.bytesSent() < payload.length + payload.length / 2,
                    "only the rest was sent again: " + result.bytesSent() + " bytes for a payload of " + payload.length);
            assertEquals(HexFormat.of().formatHex(TestScans.sha256(payload)), result.sha256Hex());
        }
        try (InputStream stored = store.open(HexFormat.of().formatHex(TestScans.sha256(payload)), 0)) {
            assertArrayEquals(payload, stored.readAllBytes());
        }
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}", scanId).then().statusCode(200)
                .body("payloadSha256", equalTo(HexFormat.of().formatHex(TestScans.sha256(payload))))
                // the workers may already have taken it from the queue
                .body("status", org.hamcrest.Matchers.oneOf("QUEUED", "ANALYSING", "ANALYSED", "FAILED"));
    }

    @Test
    void anInterruptedUploadReportsWhereToResumeUntilItExpires() throws Exception {
        byte[] payload = TestScans.pattern(512, 512);
        String scanId = TestScans.newScanId();
        ManagedChannel channel = IngestTestSupport.channel();
        try {
            RawUploadStream upload = new RawUploadStream(channel)
                    .send(TestScans.headerMessage(TestScans.headerFor(scanId, 512, 512, payload)));
            upload.awaitResponse(1);
            upload.send(TestScans.chunk(0, payload, 0, 100_000));
            awaitCommitted(channel, scanId, 100_000);
            upload.cancel();

            UploadStatus status = statusOf(channel, scanId);
            assertEquals(UploadStatus.State.IN_PROGRESS, status.getState());
            assertEquals(100_000, status.getCommittedOffset(), "the scanner resumes after the bytes received before the cut");

            assertEquals(0, reaper.reapExpired(Instant.now()), "a fresh partial upload is kept");
            assertTrue(reaper.reapExpired(Instant.now().plus(partialUploadTtl).plusSeconds(60)) >= 1);

            assertEquals(UploadStatus.State.UNKNOWN, statusOf(channel, scanId).getState(), "its space was reclaimed");
        } finally {
            channel.shutdownNow();
        }
    }

    private static void awaitCommitted(ManagedChannel channel, String scanId, long bytes) throws InterruptedException {
        UploadStatus status = await("the server to commit " + bytes + " bytes of " + scanId).atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).pollInSameThread().dontCatchUncaughtExceptions()
                .until(() -> statusOf(channel, scanId), polled -> polled.getCommittedOffset() >= bytes);
        assertEquals(bytes, status.getCommittedOffset());
    }

    private static UploadStatus statusOf(ManagedChannel channel, String scanId) {
        return ScanIngestGrpc.newBlockingStub(channel).getUploadStatus(UploadStatusRequest.newBuilder().setScanId(scanId).build());
    }
}
