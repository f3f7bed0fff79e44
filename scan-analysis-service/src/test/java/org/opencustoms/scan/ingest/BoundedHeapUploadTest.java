package org.opencustoms.scan.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.scan.client.PayloadSource;
import org.opencustoms.scan.client.ReconnectingChannel;
import org.opencustoms.scan.client.ScanUploader;
import org.opencustoms.scan.client.UploadResult;
import org.opencustoms.scan.store.PayloadStore;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 96 MiB scan through a JVM whose whole heap could not hold two copies of it (surefire runs this
 * class alone with -Xmx176m, in the execution "bounded-heap"): server and client must both stream, over
 * mutual TLS as every scanner does.
 * Run: ./mvnw -o verify -pl scan-analysis-service -Dtest=BoundedHeapUploadTest -Dsurefire.failIfNoSpecifiedTests=false
 */
@Tag("bounded-heap")
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
class BoundedHeapUploadTest {

    private static final int WIDTH = 4096;
    private static final int HEIGHT = 12288;
    private static final long PAYLOAD_BYTES = (long) WIDTH * HEIGHT * 2;

    @Inject
    PayloadStore store;

    @TempDir
    Path scratch;

    @Test
    void a96MegabyteScanUploadsWithinAHeapThatCannotHoldTwoCopies() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap < 2 * PAYLOAD_BYTES, "this test proves nothing unless the heap is under two payloads: " + maxHeap);
        Path raw = scratch.resolve("scan.raw");
        byte[] sha256 = TestScans.writePattern(raw, WIDTH, HEIGHT);
        ScanHeader header = TestScans.header(TestScans.newScanId(), WIDTH, HEIGHT, sha256).build();
        long started = System.nanoTime();
        UploadResult result;
        try (ReconnectingChannel channel = new ReconnectingChannel(IngestTestSupport.target(), TestPki.scannerCredentials())) {
            result = new ScanUploader(channel).upload(header, PayloadSource.ofFile(raw));
        }

        System.out.printf("bounded-heap upload: %d MiB payload through a JVM with a %d MiB heap (client and server) in %.1f s%n",
                PAYLOAD_BYTES >> 20, maxHeap >> 20, (System.nanoTime() - started) / 1e9);
        assertFalse(result.duplicate());
        String expected = HexFormat.of().formatHex(sha256);
        assertEquals(expected, result.sha256Hex());
        assertEquals(expected, sha256Of(store, expected));
    }

    private static String sha256Of(PayloadStore store, String object) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(store.open(object, 0), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
