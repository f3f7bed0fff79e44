package org.opencustoms.common.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreeSpaceTest {

    @TempDir
    Path directory;

    @Test
    void refusesWhatWouldEatIntoTheReserve() throws IOException {
        long gib = 1024L * 1024 * 1024;
        long usable = new FreeSpace(directory, 0).usableBytes();
        assertTrue(usable > 4 * gib, "the test needs 4 GiB free on the temp dir's file system");

        // margins of a GiB: other processes write to the same disk meanwhile
        FreeSpace keepingAllButTwoGib = new FreeSpace(directory, usable - 2 * gib);

        assertTrue(keepingAllButTwoGib.hasRoomFor(gib));
        assertFalse(keepingAllButTwoGib.hasRoomFor(3 * gib));
        assertFalse(new FreeSpace(directory, usable + 1024 * gib).hasRoomFor(0), "a disk already inside its reserve takes nothing");
        assertTrue(keepingAllButTwoGib.shortfall(3 * gib).contains("kept in reserve"));
    }

    @Test
    void aNegativeReserveIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new FreeSpace(directory, -1));
    }
}
