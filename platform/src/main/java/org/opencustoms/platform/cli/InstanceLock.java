package org.opencustoms.platform.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One running platform per data directory: an OS file lock (released by the kernel even if the process is
 * killed) plus a pid file that {@code down} and {@code status} read.
 */
final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;
    private final Path pidFile;

    private InstanceLock(FileChannel channel, FileLock lock, Path pidFile) {
        this.channel = channel;
        this.lock = lock;
        this.pidFile = pidFile;
    }

    static InstanceLock acquire(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("platform.lock");
        Path pidFile = dataDirectory.resolve("platform.pid");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                String pid = runningPid(dataDirectory).map(p -> " (pid " + p + ")").orElse("");
                throw new PlatformException("the platform is already running on " + dataDirectory + pid
                        + "; stop it with 'bin/platform down' first");
            }
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
            return new InstanceLock(channel, lock, pidFile);
        } catch (IOException e) {
            throw new PlatformException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** The pid of the platform running on this data directory, if one is. */
    static Optional<Long> runningPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("platform.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(pidFile);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the kernel releases the lock when the process ends anyway
        }
    }
}
