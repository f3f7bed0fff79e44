package org.opencustoms.common.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The room left on the file system of a directory, with a reserve kept free: new data is refused while
 * writing it would eat into the reserve, so a filling disk turns uploads away before a write fails half-way
 * and before PostgreSQL or the logs on the same disk run out.
 */
public final class FreeSpace {

    private final Path directory;
    private final long reserveBytes;

    public FreeSpace(Path directory, long reserveBytes) {
        if (reserveBytes < 0) {
            throw new IllegalArgumentException("the free-space reserve must not be negative: " + reserveBytes);
        }
        this.directory = directory;
        this.reserveBytes = reserveBytes;
    }

    /** Whether {@code bytes} more can be written there and still leave the reserve free. */
    public boolean hasRoomFor(long bytes) throws IOException {
        return usableBytes() - reserveBytes >= bytes;
    }

    public long usableBytes() throws IOException {
        return Files.getFileStore(directory).getUsableSpace();
    }

    public long reserveBytes() {
        return reserveBytes;
    }

    /** For a refusal's message: what is free, what is kept, and what was asked for. */
    public String shortfall(long bytes) throws IOException {
        return bytes + " bytes do not fit: " + usableBytes() + " bytes are free and " + reserveBytes + " are kept in reserve";
    }
}
