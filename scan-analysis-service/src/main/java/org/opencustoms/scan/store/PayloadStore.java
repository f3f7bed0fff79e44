package org.opencustoms.scan.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import org.opencustoms.common.files.OrphanSweep;

/**
 * Where completed scan payloads live, named by their SHA-256 (content addressed: the same bytes are
 * stored once). Uploads are staged as local files first; {@link #put} makes one durable.
 *
 * <p>The disk store is {@link FileSystemPayloadStore}. An S3-compatible store implements the same
 * contract: {@code put} uploads the staged file with a multipart upload to key {@code objects/<sha256>}
 * (a HEAD first skips bytes that are already there, and a copy onto itself renews a reused object's age for the sweep), returns only once the store has confirmed the
 * object, then deletes the staged file; {@code open} is a ranged GET. Staging stays on local disk.
 */
public interface PayloadStore {

    /** Local directory for uploads in progress; on the same file system as the objects where possible. */
    Path stagingDirectory();

    /**
     * Makes the staged file the durable object {@code sha256Hex}, consuming the staged file.
     * Returns false when the object was already stored (nothing new was written).
     */
    boolean put(Path staged, String sha256Hex) throws IOException;

    boolean contains(String sha256Hex);

    /**
     * Deletes objects untouched since {@code cutoff} that {@code referenced} (asked a batch of digests at a time)
     * does not name: what an upload or an analysis stored before failing to commit its row.
     */
    OrphanSweep.Swept sweepUnreferenced(Instant cutoff, Function<Set<String>, Set<String>> referenced) throws IOException;

    /** The object's bytes from {@code offset} on. */
    InputStream open(String sha256Hex, long offset) throws IOException;
}
