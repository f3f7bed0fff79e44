package org.opencustoms.scan.ingest;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.scan.catalog.ScanRepository;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencustoms.scan.ingest.IngestTestSupport.assertStatus;

/** A store whose disk is inside its reserve turns new scans away at the header, before a byte is written. */
@QuarkusTest
@Tag("full-disk") // in its own JVM, with a reserve larger than the disk: see the full-disk execution in the pom
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
class FullDiskIngestTest {

    @Inject
    ScanRepository scans;

    @Test
    void aNewScanIsRefusedWithResourceExhaustedAndNothingIsStored() throws Exception {
        byte[] payload = TestScans.pattern(64, 32);
        String scanId = TestScans.newScanId();
        ScanHeader header = TestScans.headerFor(scanId, 64, 32, payload);
        ManagedChannel channel = IngestTestSupport.channel();
        try {
            Status status = new RawUploadStream(channel).send(TestScans.headerMessage(header)).awaitEnd();

            assertStatus(status, Status.Code.RESOURCE_EXHAUSTED, "nearly full", "kept in reserve", "send this scan again later");
            assertTrue(scans.find(scanId).isEmpty());
        } finally {
            channel.shutdownNow();
        }
    }
}
