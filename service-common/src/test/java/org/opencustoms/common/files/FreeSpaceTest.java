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
        long usable = new FreeSpace(directory, 0).usableBytes();
        assertTrue(usable > 1024, "the test needs a little free space on the temp dir's file system");

        FreeSpace keepingAllButOneKilobyte = new FreeSpace(directory, usable - 1024);

        assertTrue(keepingAllButOneKilobyte.hasRoomFor(512));
        assertFalse(keepingAllButOneKilobyte.hasRoomFor(1024L * 1024 * 1024));
        assertFalse(new FreeSpace(directory, usable + 1).hasRoomFor(0), "a disk already inside its reserve takes nothing");
        assertTrue(keepingAllButOneKilobyte.shortfall(4096).contains("kept in reserve"));
    }

    @Test
    void aNegativeReserveIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new FreeSpace(directory, -1));
    }
}
