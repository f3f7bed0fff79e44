package org.opencustoms.scan.ingest;

import org.opencustoms.proto.scan.v1.RetryPushback;

import org.opencustoms.common.identity.Roles;

import org.opencustoms.testing.TestTokens;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.proto.scan.v1.Modality;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.proto.scan.v1.ScanIngestGrpc;
import org.opencustoms.proto.scan.v1.UploadResponse;
import org.opencustoms.proto.scan.v1.UploadStatus;
import org.opencustoms.proto.scan.v1.UploadStatusRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencustoms.scan.ingest.IngestTestSupport.assertStatus;

/** Every way an upload can be refused, each with its gRPC status, and none leaving a stored scan behind. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
class ScanIngestRejectionTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 32;

    @ConfigProperty(name = "scan.store.directory")
    Path storeDirectory;

    @ConfigProperty(name = "scan.ingest.max-concurrent-uploads")
    int maxConcurrentUploads;

    private ManagedChannel channel;
    private final byte[] payload = TestScans.pattern(WIDTH, HEIGHT);

    @BeforeEach
    void connect() {
        channel = IngestTestSupport.channel();
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void theFirstMessageMustBeTheHeader() throws Exception {
        Status status = new RawUploadStream(channel).send(TestScans.chunk(0, payload, 0, 100)).awaitEnd();

        assertStatus(status, Status.Code.INVALID_ARGUMENT, "first message", "header");
    }

    @Test
    void dimensionsMustMatchTheDeclaredLength() throws Exception {
        String scanId = TestScans.newScanId();
        ScanHeader header = TestScans.headerFor(scanId, WIDTH, HEIGHT, payload).toBuilder().setTotalBytes(payload.length + 2).build();

        Status status = new RawUploadStream(channel).send(TestScans.headerMessage(header)).awaitEnd();

        assertStatus(status, Status.Code.INVALID_ARGUMENT, "total_bytes " + (payload.length + 2), "width x height");
        assertNotStored(scanId);
    }

    @Test
    void unsupportedBitDepthModalityAndContainerNumberAreNamedTogether() throws Exception {
        ScanHeader header = TestScans.headerFor(TestScans.newScanId(), WIDTH, HEIGHT, payload).toBuilder()
                .setBitsPerPixel(8)
                .setModality(Modality.MODALITY_UNSPECIFIED)
                .addContainerNumbers("MSCU1234565")
                .build();

        Status status = new RawUploadStream(channel).send(TestScans.headerMessage(header)).awaitEnd();

        assertStatus(status, Status.Code.INVALID_ARGUMENT, "bits_per_pixel must be 16", "unsupported modality",
                "'MSCU1234565' is not an ISO 6346 number");
    }

    @Test
    void aChunkThatLeavesAGapIsOutOfOrder() throws Exception {
        RawUploadStream upload = startUpload(TestScans.newScanId());

        Status status = upload.send(TestScans.chunk(100, payload, 100, 200)).awaitEnd();

        assertStatus(status, Status.Code.FAILED_PRECONDITION, "leaves a gap", "next expected offset is 0");
    }

    @Test
    void aChunkThatOverlapsIsRefused() throws Exception {
        RawUploadStream upload = startUpload(TestScans.newScanId());

        Status status = upload.send(TestScans.chunk(0, payload, 0, 100), TestScans.chunk(50, payload, 50, 150)).awaitEnd();

        assertStatus(status, Status.Code.FAILED_PRECONDITION, "overlaps", "next expected offset is 100");
    }

    @Test
    void aPayloadLargerThanDeclaredIsOutOfRange() throws Exception {
        String scanId = TestScans.newScanId();
        RawUploadStream upload = startUpload(scanId);
        byte[] tooMuch = new byte[payload.length + 10];
        System.arraycopy(payload, 0, tooMuch, 0, payload.length);

        Status status = upload.send(TestScans.chunk(0, tooMuch, 0, tooMuch.length)).awaitEnd();

        assertStatus(status, Status.Code.OUT_OF_RANGE);
        assertNotStored(scanId);
    }

    @Test
    void completingBeforeTheLastByteIsRefused() throws Exception {
        String scanId = TestScans.newScanId();
        RawUploadStream upload = startUpload(scanId);

        Status status = upload.send(TestScans.chunk(0, payload, 0, 1000), TestScans.complete()).awaitEnd();

        assertStatus(status, Status.Code.FAILED_PRECONDITION, "after 1000 of " + payload.length + " bytes");
        assertNotStored(scanId);
    }

    @Test
    void aChecksumMismatchLosesNothingButStoresNothing() throws Exception {
        String scanId = TestScans.newScanId();
        byte[] corrupted = payload.clone();
        corrupted[payload.length / 2] ^= 0x01;
        long payloadsBefore = IngestTestSupport.storedPayloads(storeDirectory);
        RawUploadStream upload = new RawUploadStream(channel)
                .send(TestScans.headerMessage(TestScans.headerFor(scanId, WIDTH, HEIGHT, payload)));
        upload.awaitResponse(1);

        Status status = upload.send(TestScans.chunk(0, corrupted, 0, corrupted.length), TestScans.complete()).awaitEnd();

        assertStatus(status, Status.Code.DATA_LOSS, "SHA-256", "from the start");
        assertNotStored(scanId);
        assertEquals(UploadStatus.State.UNKNOWN, uploadState(scanId), "the corrupted partial upload is discarded");
        assertEquals(payloadsBefore, IngestTestSupport.storedPayloads(storeDirectory));
        given().get("/q/metrics").then().statusCode(200).body(containsString("scan_ingest_uploads_total{outcome=\"data_loss\"}"));
    }

    @Test
    void aScanOverTheConfiguredMaximumIsRefusedFromItsHeader() throws Exception {
        int side = 20_000;
        ScanHeader header = TestScans.header(TestScans.newScanId(), side, side, TestScans.sha256(payload)).build();

        RawUploadStream upload = new RawUploadStream(channel).send(TestScans.headerMessage(header));
        Status status = upload.awaitEnd();

        assertStatus(status, Status.Code.RESOURCE_EXHAUSTED, "larger than this service's maximum");
        assertNull(upload.trailers.get(RetryPushback.KEY), "a scan that is too large must not be retried");
    }

    @Test
    void uploadsBeyondTheLimitAreRefusedAtOnceWithAPushback() throws Exception {
        List<RawUploadStream> running = new ArrayList<>();
        try {
            for (int i = 0; i < maxConcurrentUploads; i++) {
                RawUploadStream upload = startUpload(TestScans.newScanId());
                running.add(upload);
            }
            ScanHeader oneTooMany = TestScans.headerFor(TestScans.newScanId(), WIDTH, HEIGHT, payload);
            RawUploadStream refused = new RawUploadStream(channel).send(TestScans.headerMessage(oneTooMany));

            Status status = refused.awaitEnd();

            assertStatus(status, Status.Code.RESOURCE_EXHAUSTED, "maximum of " + maxConcurrentUploads + " concurrent uploads");
            assertTrue(refused.responses.isEmpty());
            assertNotNull(refused.trailers.get(RetryPushback.KEY), "a busy refusal tells the scanner when to retry");
        } finally {
            running.forEach(RawUploadStream::cancel);
        }
    }

    @Test
    void aSecondHeaderOnOneStreamIsRefused() throws Exception {
        String scanId = TestScans.newScanId();
        RawUploadStream upload = startUpload(scanId);

        Status status = upload.send(TestScans.headerMessage(TestScans.headerFor(scanId, WIDTH, HEIGHT, payload))).awaitEnd();

        assertStatus(status, Status.Code.INVALID_ARGUMENT, "second header");
    }

    @Test
    void aCompletedScanUploadedAgainIsAcknowledgedWithoutAnotherCopy() throws Exception {
        String scanId = TestScans.newScanId();
        uploadWhole(scanId, payload);
        long payloadsBefore = IngestTestSupport.storedPayloads(storeDirectory);

        RawUploadStream again = new RawUploadStream(channel)
                .send(TestScans.headerMessage(TestScans.headerFor(scanId, WIDTH, HEIGHT, payload)));
        Status status = again.awaitEnd();

        assertStatus(status, Status.Code.OK);
        UploadResponse answer = again.responses.get(0);
        assertTrue(answer.getCompleted().getDuplicate());
        assertEquals(payloadsBefore, IngestTestSupport.storedPayloads(storeDirectory));
    }

    @Test
    void aCompletedScanIdWithAnotherPayloadIsAlreadyExists() throws Exception {
        String scanId = TestScans.newScanId();
        uploadWhole(scanId, payload);
        byte[] other = payload.clone();
        other[10] ^= 0x7f;

        Status status = new RawUploadStream(channel)
                .send(TestScans.headerMessage(TestScans.headerFor(scanId, WIDTH, HEIGHT, other))).awaitEnd();

        assertStatus(status, Status.Code.ALREADY_EXISTS, "already stored", "give a new image a new scan id");
    }

    private RawUploadStream startUpload(String scanId) throws InterruptedException {
        RawUploadStream upload = new RawUploadStream(channel)
                .send(TestScans.headerMessage(TestScans.headerFor(scanId, WIDTH, HEIGHT, payload)));
        assertEquals(0, upload.awaitResponse(1).getAck().getCommittedOffset());
        return upload;
    }

    private void uploadWhole(String scanId, byte[] bytes) throws Exception {
        RawUploadStream upload = startUpload(scanId);
        Status status = upload.send(TestScans.chunk(0, bytes, 0, bytes.length), TestScans.complete()).awaitEnd();
        assertStatus(status, Status.Code.OK);
        assertFalse(upload.responses.get(upload.responses.size() - 1).getCompleted().getDuplicate());
    }

    private UploadStatus.State uploadState(String scanId) {
        return ScanIngestGrpc.newBlockingStub(channel).getUploadStatus(UploadStatusRequest.newBuilder().setScanId(scanId).build()).getState();
    }

    private void assertNotStored(String scanId) {
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}", scanId).then().statusCode(404);
    }
}
