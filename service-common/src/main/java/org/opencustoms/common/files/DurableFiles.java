package org.opencustoms.common.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a crash of the machine (POSIX): a file's bytes are on disk once it is fsynced, and a new
 * name in a directory (a rename, a created file or directory) once that directory is fsynced.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    public static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    public static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
