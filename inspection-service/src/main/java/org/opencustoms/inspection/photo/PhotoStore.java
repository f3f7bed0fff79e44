package org.opencustoms.inspection.photo;

import org.opencustoms.common.files.DurableFiles;
import org.opencustoms.common.files.FreeSpace;
import org.opencustoms.common.files.OrphanSweep;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Photo files named by their SHA-256 ({@code ab/<sha256>}), written durably (fsynced file and directory): the same photo is stored once. */
@ApplicationScoped
public class PhotoStore {

    @ConfigProperty(name = "inspection.photos.directory")
    Path directory;
    @ConfigProperty(name = "inspection.photos.min-free-bytes")
    long minFreeBytes;

    /** Whether a photo of this size fits on the store's disk and leaves its reserve free. */
    boolean hasRoomFor(long bytes) throws IOException {
        Files.createDirectories(directory);
        return new FreeSpace(directory, minFreeBytes).hasRoomFor(bytes);
    }

    Path directory() {
        return directory;
    }

    /** Copies the upload into the store (unless the same bytes are there) and returns its SHA-256. */
    String put(Path upload) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(upload), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        Path target = file(sha256);
        if (Files.exists(target)) {
            // reused by this upload: an orphan sweep must not take it before the upload's row commits
            OrphanSweep.touch(target);
        } else {
            boolean newDirectory = !Files.isDirectory(target.getParent());
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), sha256, ".tmp");
            Files.copy(upload, temporary, StandardCopyOption.REPLACE_EXISTING);
            // the photo's row commits after this returns: its bytes and its name must already be on disk
            DurableFiles.fsync(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            DurableFiles.fsyncDirectory(target.getParent());
            if (newDirectory) {
                DurableFiles.fsyncDirectory(directory);
            }
        }
        return sha256;
    }

    Path file(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return directory.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    static byte[] head(Path upload, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(upload)) {
            return in.readNBytes(bytes);
        }
    }
}
