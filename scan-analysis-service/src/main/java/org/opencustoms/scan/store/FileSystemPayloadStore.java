package org.opencustoms.scan.store;

import org.opencustoms.common.files.DurableFiles;
import org.opencustoms.common.files.OrphanSweep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Payloads as files {@code objects/ab/<sha256>} under one directory. A payload is fsynced, then
 * renamed into place atomically and its directory fsynced, so after {@link #put} returns the object
 * survives a power cut and nobody ever sees half of one.
 */
public final class FileSystemPayloadStore implements PayloadStore {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path objects;
    private final Path staging;

    public FileSystemPayloadStore(Path root) throws IOException {
        this.objects = Files.createDirectories(root.resolve("objects"));
        this.staging = Files.createDirectories(root.resolve("staging"));
    }

    @Override
    public Path stagingDirectory() {
        return staging;
    }

    @Override
    public boolean put(Path staged, String sha256Hex) throws IOException {
        Path target = objectPath(sha256Hex);
        if (Files.exists(target)) {
            // reused: the orphan sweep must leave it alone until the row that now refers to it commits
            OrphanSweep.touch(target);
            Files.deleteIfExists(staged);
            return false;
        }
        Files.createDirectories(target.getParent());
        DurableFiles.fsync(staged);
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            OrphanSweep.touch(target);
            Files.deleteIfExists(staged);
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the staging directory " + staging + " must be on the same file system as " + objects, e);
        }
        // a rename keeps the staged file's age, which a resumed upload may have had for hours
        OrphanSweep.touch(target);
        DurableFiles.fsyncDirectory(target.getParent());
        return true;
    }

    @Override
    public boolean contains(String sha256Hex) {
        return Files.exists(objectPath(sha256Hex));
    }

    @Override
    public OrphanSweep.Swept sweepUnreferenced(Instant cutoff, Function<Set<String>, Set<String>> referenced) throws IOException {
        return OrphanSweep.sweep(objects, cutoff, referenced);
    }

    @Override
    public InputStream open(String sha256Hex, long offset) throws IOException {
        try {
            FileChannel channel = FileChannel.open(objectPath(sha256Hex), StandardOpenOption.READ);
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (NoSuchFileException e) {
            throw new IOException("payload " + sha256Hex + " is missing from the store", e);
        }
    }

    Path objectPath(String sha256Hex) {
        if (!SHA256_HEX.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: " + sha256Hex);
        }
        return objects.resolve(sha256Hex.substring(0, 2)).resolve(sha256Hex);
    }
}
