package org.opencustoms.scan.ingest;

import org.opencustoms.common.identity.Roles;

import org.opencustoms.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.scan.client.PayloadSource;
import org.opencustoms.scan.client.ReconnectingChannel;
import org.opencustoms.scan.client.ScanUploader;
import org.opencustoms.scan.client.UploadResult;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A busy site: twenty scanners upload at the same moment, each over its own connection. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
class ConcurrentUploadsTest {

    private static final int SCANNERS = 20;

    @Test
    void twentyConcurrentUploadsAllComplete() throws Exception {
        ExecutorService scanners = Executors.newFixedThreadPool(SCANNERS);
        try {
            List<Future<UploadResult>> uploads = new ArrayList<>();
            List<byte[]> payloads = new ArrayList<>();
            List<String> scanIds = new ArrayList<>();
            for (int i = 0; i < SCANNERS; i++) {
                byte[] payload = TestScans.pattern(1000 + i, 600);
                String scanId = TestScans.newScanId();
                payloads.add(payload);
                scanIds.add(scanId);
                int width = 1000 + i;
                uploads.add(scanners.submit((Callable<UploadResult>) () -> {
                    try (ReconnectingChannel channel = new ReconnectingChannel(IngestTestSupport.target(), TestPki.scannerCredentials())) {
                        return new ScanUploader(channel).upload(TestScans.headerFor(scanId, width, 600, payload), PayloadSource.ofBytes(payload));
                    }
                }));
            }
            for (int i = 0; i < SCANNERS; i++) {
                UploadResult result = uploads.get(i).get();
                String sha256 = HexFormat.of().formatHex(TestScans.sha256(payloads.get(i)));
                assertEquals(scanIds.get(i), result.scanId());
                assertEquals(sha256, result.sha256Hex());
                assertFalse(result.duplicate());
                TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}", scanIds.get(i)).then().statusCode(200)
                        .body("payloadSha256", equalTo(sha256))
                        .body("width", equalTo(1000 + i));
            }
        } finally {
            scanners.shutdownNow();
        }
    }
}
