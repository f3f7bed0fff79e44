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

    /**
     * The pid of the platform running on this data directory, if one is. The lock decides, not the pid file: a
     * launcher killed with SIGKILL leaves its pid file behind, and the system may have given that pid to another process.
     */
    static Optional<Long> runningPid(Path dataDirectory) {
        if (!held(dataDirectory)) {
            return Optional.empty();
        }
        Path pidFile = dataDirectory.resolve("platform.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a live process holds the data directory's lock (the kernel drops it when its holder dies). */
    static boolean held(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("platform.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // this very process holds it
        } catch (IOException e) {
            return false;
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
