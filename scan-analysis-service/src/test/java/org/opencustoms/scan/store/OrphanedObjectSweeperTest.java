package org.opencustoms.scan.store;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.files.OrphanSweep;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.ScanRepository;
import org.opencustoms.scan.ingest.GrpcTestPortResource;
import org.opencustoms.scan.ingest.TestScans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.eclipse.microprofile.config.ConfigProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
class OrphanedObjectSweeperTest {

    @Inject
    PayloadStore store;
    @Inject
    ScanRepository scans;
    @Inject
    OrphanedObjectSweeper sweeper;

    @Test
    void anObjectWhoseScanRowNeverCommittedIsSweptAndAScansPayloadStays() throws IOException {
        byte[] payload = TestScans.pattern(48, 24);
        String payloadSha = stored(payload);
        scans.insertIfAbsent(ScanRecord.received(TestScans.headerFor(TestScans.newScanId(), 48, 24, payload), Instant.now()));
        byte[] orphanBytes = TestScans.pattern(40, 20);
        String orphanSha = stored(orphanBytes);

        sweeper.sweep(Instant.now());
        assertTrue(store.contains(orphanSha), "not swept within its grace period: its row may be about to commit");
        // only this test's objects age: other tests' analyses may be between storing a rendition and recording it
        backdate(payloadSha);
        backdate(orphanSha);
        OrphanSweep.Swept swept = sweeper.sweep(Instant.now());

        assertTrue(swept.objects() >= 1, "swept " + swept);
        assertFalse(store.contains(orphanSha));
        assertTrue(store.contains(payloadSha), "a scan refers to it");
    }

    private void backdate(String sha256) throws IOException {
        Path object = Path.of(ConfigProvider.getConfig().getValue("scan.store.directory", String.class))
                .resolve("objects").resolve(sha256.substring(0, 2)).resolve(sha256);
        Files.setLastModifiedTime(object, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
    }

    private String stored(byte[] bytes) throws IOException {
        String sha256 = HexFormat.of().formatHex(TestScans.sha256(bytes));
        Path staged = Files.createTempFile(store.stagingDirectory(), "test-", ".part");
        Files.write(staged, bytes);
        store.put(staged, sha256);
        return sha256;
    }
}
