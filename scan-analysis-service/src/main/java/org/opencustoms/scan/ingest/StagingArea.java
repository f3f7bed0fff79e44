package org.opencustoms.scan.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.scan.store.PayloadStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Interrupted uploads, kept on disk so a scanner can resume them even after this service restarts.
 * Each scan id has {@code <key>.part} (the bytes received, in order) and {@code <key>.header} (the
 * header that describes them), where the key is the SHA-256 of the scan id: scan ids never become
 * file names.
 */
@ApplicationScoped
public class StagingArea {

    private static final Logger LOG = Logger.getLogger(StagingArea.class);
    private static final String PART = ".part";
    private static final String HEADER = ".header";

    private final Path directory;

    @Inject
    public StagingArea(PayloadStore store) {
        this.directory = store.stagingDirectory();
    }

    /**
     * Opens the staged upload for this header: resumed from the bytes already staged when they belong
     * to the same payload (same SHA-256 and length), started over otherwise.
     */
    PartialUpload open(ScanHeader header) throws IOException {
        String key = key(header.getScanId());
        Path data = directory.resolve(key + PART);
        long keep = readHeader(header.getScanId())
                .filter(previous -> samePayload(previous, header))
                .map(previous -> sizeOrZero(data))
                .orElse(0L);
        writeHeader(key, header);
        return PartialUpload.open(data, Math.min(keep, header.getTotalBytes()));
    }

    /** The header of the upload of this scan id that is staged, if one is: whose it is. */
    Optional<ScanHeader> stagedHeader(String scanId) {
        return readHeader(scanId);
    }

    /** The staged length of an upload in progress, if there is one. */
    Optional<Long> stagedBytes(String scanId) {
        return readHeader(scanId).map(header -> sizeOrZero(directory.resolve(key(scanId) + PART)));
    }

    /** Forgets the upload: after completion (its bytes moved to the store) or when it was rejected. */
    void discard(String scanId) throws IOException {
        String key = key(scanId);
        Files.deleteIfExists(directory.resolve(key + HEADER));
        Files.deleteIfExists(directory.resolve(key + PART));
    }

    /** The uploads staged now, each with the time its files were last written. */
    List<StagedUpload> list() throws IOException {
        List<StagedUpload> staged = new ArrayList<>();
        try (DirectoryStream<Path> headers = Files.newDirectoryStream(directory, "*" + HEADER)) {
            for (Path headerFile : headers) {
                String name = headerFile.getFileName().toString();
                Path data = directory.resolve(name.substring(0, name.length() - HEADER.length()) + PART);
                try {
                    ScanHeader header = ScanHeader.parseFrom(Files.readAllBytes(headerFile));
                    staged.add(new StagedUpload(header.getScanId(), lastTouched(headerFile, data)));
                } catch (NoSuchFileException e) {
                    // completed or discarded while we listed
                } catch (InvalidProtocolBufferException e) {
                    LOG.warnf("deleting unreadable staged header %s", headerFile);
                    Files.deleteIfExists(data);
                    Files.deleteIfExists(headerFile);
                }
            }
        }
        return staged;
    }

    /** Deletes payload files left without a header (a crash between the two writes) untouched since {@code cutoff}. */
    int deleteStrayPartsUntouchedSince(Instant cutoff) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "*" + PART)) {
            for (Path data : parts) {
                String name = data.getFileName().toString();
                Path headerFile = directory.resolve(name.substring(0, name.length() - PART.length()) + HEADER);
                if (!Files.exists(headerFile) && lastTouched(data, data).isBefore(cutoff) && Files.deleteIfExists(data)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Last write time of the upload with this id, if it is still staged. */
    Optional<Instant> lastTouched(String scanId) throws IOException {
        String key = key(scanId);
        Path headerFile = directory.resolve(key + HEADER);
        return Files.exists(headerFile) ? Optional.of(lastTouched(headerFile, directory.resolve(key + PART))) : Optional.empty();
    }

    record StagedUpload(String scanId, Instant lastTouched) {
    }

    private Optional<ScanHeader> readHeader(String scanId) {
        Path file = directory.resolve(key(scanId) + HEADER);
        try {
            return Optional.of(ScanHeader.parseFrom(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (InvalidProtocolBufferException e) {
            LOG.warnf("unreadable staged header %s: starting that upload over", file);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeHeader(String key, ScanHeader header) throws IOException {
        Path temporary = directory.resolve(key + HEADER + ".tmp");
        Files.write(temporary, header.toByteArray());
        Files.move(temporary, directory.resolve(key + HEADER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean samePayload(ScanHeader previous, ScanHeader current) {
        return previous.getSha256().equals(current.getSha256()) && previous.getTotalBytes() == current.getTotalBytes();
    }

    private static long sizeOrZero(Path data) {
        try {
            return PartialUpload.sizeOf(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant lastTouched(Path first, Path second) throws IOException {
        Instant a = Files.exists(first) ? Files.getLastModifiedTime(first).toInstant() : Instant.EPOCH;
        Instant b = Files.exists(second) ? Files.getLastModifiedTime(second).toInstant() : Instant.EPOCH;
        return a.isAfter(b) ? a : b;
    }

    static String key(String scanId) {
        return HexFormat.of().formatHex(PartialUpload.sha256().digest(scanId.getBytes(StandardCharsets.UTF_8)));
    }
}
