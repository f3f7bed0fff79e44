package org.opencustoms.common.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrphanSweepTest {

    private static final Instant NOW = Instant.now();
    private static final Instant CUTOFF = NOW.minus(Duration.ofHours(1));

    @TempDir
    Path root;

    @Test
    void deletesOnlyOldObjectsNoRowRefersToAndOldTemporaryFiles() throws IOException {
        Path referenced = object("aa", 2, NOW.minus(Duration.ofHours(3)));
        Path orphan = object("ab", 3, NOW.minus(Duration.ofHours(3)));
        Path recentOrphan = object("ac", 4, NOW.minus(Duration.ofMinutes(10)));
        Path oldTemporary = file("ad", "ad" + "0".repeat(62) + "123.tmp", 5, NOW.minus(Duration.ofHours(2)));
        Path writingNow = file("ad", "ad" + "1".repeat(62) + "456.tmp", 6, NOW.minus(Duration.ofMinutes(1)));
        Path stranger = file("ae", "README", 7, NOW.minus(Duration.ofDays(9)));
        Set<String> asked = new HashSet<>();

        OrphanSweep.Swept swept = OrphanSweep.sweep(root, CUTOFF, digests -> {
            asked.addAll(digests);
            return Set.of(referenced.getFileName().toString());
        });

        assertEquals(new OrphanSweep.Swept(1, 1, 3 + 5), swept);
        assertTrue(Files.exists(referenced));
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(recentOrphan), "within its grace period: its row may be about to commit");
        assertFalse(Files.exists(oldTemporary));
        assertTrue(Files.exists(writingNow));
        assertTrue(Files.exists(stranger), "a file the store never names is not the sweep's to delete");
        assertEquals(Set.of(referenced.getFileName().toString(), orphan.getFileName().toString()), asked,
                "only objects past their grace period are looked up");
    }

    @Test
    void anObjectTouchedWhileTheRowsWereReadIsKept() throws IOException {
        Path orphan = object("ba", 3, NOW.minus(Duration.ofHours(3)));

        OrphanSweep.Swept swept = OrphanSweep.sweep(root, CUTOFF, digests -> {
            try {
                // an upload of the same bytes finds the object and reuses it
                OrphanSweep.touch(orphan);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Set.of();
        });

        assertEquals(0, swept.objects());
        assertTrue(Files.exists(orphan));
    }

    @Test
    void aStoreNotYetCreatedHasNothingToSweep() throws IOException {
        assertFalse(OrphanSweep.sweep(root.resolve("never-written"), CUTOFF, digests -> Set.of()).any());
    }

    private Path object(String fanOut, int size, Instant modified) throws IOException {
        return file(fanOut, fanOut + Integer.toHexString(size).repeat(62).substring(0, 62), size, modified);
    }

    private Path file(String fanOut, String name, int size, Instant modified) throws IOException {
        Path file = Files.createDirectories(root.resolve(fanOut)).resolve(name);
        Files.write(file, new byte[size]);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
