package org.opencustoms.scan.ingest;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.scan.client.PayloadSource;
import org.opencustoms.scan.client.ReconnectingChannel;
import org.opencustoms.scan.client.ScanUploader;

import java.io.File;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencustoms.scan.ingest.IngestTestSupport.assertStatus;

/**
 * Only scanners the platform CA certified upload, and only as themselves: no certificate, a certificate
 * from another CA and a certificate of another scanner or site are each refused, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(GrpcTestPortResource.class)
class ScannerAuthenticationTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 32;

    @ConfigProperty(name = "scan.store.directory")
    Path storeDirectory;

    /** Unique to this test instance, so a refused upload can be told apart from an object an earlier run stored. */
    private final byte[] payload = unique(TestScans.pattern(WIDTH, HEIGHT));

    private static byte[] unique(byte[] pattern) {
        java.nio.ByteBuffer.wrap(pattern).putLong(System.nanoTime());
        return pattern;
    }

    @Test
    void aCertifiedScannerUploadsAsItself() throws Exception {
        String scanId = TestScans.newScanId();
        assertStatus(upload(TestPki.scannerCredentials(), header(scanId)), Status.Code.OK);
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}", scanId).then().statusCode(200);
        // who sent it, as its certificate vouches, for the supervisors' list
        TestTokens.as(Roles.AUDITOR).queryParam("scanner", TestPki.SCANNER.id()).queryParam("size", 500).get("/api/v1/scans")
                .then().statusCode(200).body("scanId", org.hamcrest.Matchers.hasItem(scanId));
        TestTokens.as(Roles.INSPECTOR).get("/api/v1/scans").then().statusCode(403);
    }

    @Test
    void withoutAClientCertificateTheHandshakeFails() throws Exception {
        ChannelCredentials trustOnly = TlsChannelCredentials.newBuilder().trustManager(caFile()).build();
        assertRefused(trustOnly, header(TestScans.newScanId()), Status.Code.UNAVAILABLE);
    }

    @Test
    void plainTextIsNotSpoken() throws Exception {
        assertRefused(InsecureChannelCredentials.create(), header(TestScans.newScanId()), Status.Code.UNAVAILABLE);
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        // the foreign scanner trusts our server, but the server does not trust the CA that signed it
        Path foreign = TestPki.directory().resolve("foreign-scanner");
        ChannelCredentials credentials = TlsChannelCredentials.newBuilder()
                .keyManager(foreign.resolve("scanner.crt").toFile(), foreign.resolve("scanner.key").toFile())
                .trustManager(caFile()).build();
        assertRefused(credentials, header(TestScans.newScanId()), Status.Code.UNAVAILABLE);
    }

    @Test
    void aScannerCannotUploadAsAnotherScanner() throws Exception {
        Status status = assertRefused(TestPki.otherScannerCredentials(), header(TestScans.newScanId()), Status.Code.PERMISSION_DENIED);
        assertStatus(status, Status.Code.PERMISSION_DENIED, "scanner OTHER-PORTAL-7 at USNYC", "names scanner SIM-PORTAL-1 at USLAX");
    }

    @Test
    void aScannerCannotUploadForAnotherSite() throws Exception {
        ScanHeader elsewhere = header(TestScans.newScanId()).toBuilder().setSite("USNYC").build();
        assertRefused(TestPki.scannerCredentials(), elsewhere, Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aScannerCannotTakeOverAnotherScannersInterruptedUpload() throws Exception {
        String scanId = TestScans.newScanId();
        ManagedChannel mine = IngestTestSupport.channel(TestPki.scannerCredentials());
        try {
            RawUploadStream interrupted = new RawUploadStream(mine).send(TestScans.headerMessage(header(scanId)), TestScans.chunk(0, payload, 0, 1000));
            interrupted.awaitResponse(1);
            interrupted.cancel();
        } finally {
            mine.shutdownNow();
        }
        ScanHeader asOther = header(scanId).toBuilder().setScannerId(TestPki.OTHER_SCANNER.id()).setSite(TestPki.OTHER_SCANNER.site()).build();
        Status status = upload(TestPki.otherScannerCredentials(), asOther);
        assertStatus(status, Status.Code.ALREADY_EXISTS, "being uploaded by another scanner");

        // its own scanner resumes it from where it stopped
        try (ReconnectingChannel channel = new ReconnectingChannel(IngestTestSupport.target(), TestPki.scannerCredentials())) {
            new ScanUploader(channel).upload(header(scanId), PayloadSource.ofBytes(payload));
        }
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}", scanId).then().statusCode(200);
    }

    private Status assertRefused(ChannelCredentials credentials, ScanHeader header, Status.Code expected) throws Exception {
        long before = IngestTestSupport.storedPayloads(storeDirectory);
        Status status = upload(credentials, header);
        assertEquals(expected, status.getCode(), () -> "status was " + status);
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}", header.getScanId()).then().statusCode(404);
        assertEquals(before, IngestTestSupport.storedPayloads(storeDirectory), "nothing stored");
        return status;
    }

    private Status upload(ChannelCredentials credentials, ScanHeader header) throws Exception {
        ManagedChannel channel = IngestTestSupport.channel(credentials);
        try {
            return new RawUploadStream(channel)
                    .send(TestScans.headerMessage(header), TestScans.chunk(0, payload, 0, payload.length), TestScans.complete())
                    .awaitEnd();
        } finally {
            channel.shutdownNow();
        }
    }

    private ScanHeader header(String scanId) {
        return TestScans.headerFor(scanId, WIDTH, HEIGHT, payload);
    }

    private static File caFile() {
        return TestPki.directory().resolve("ca/ca.crt").toFile();
    }
}
