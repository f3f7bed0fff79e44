package org.opencustoms.scan.ingest;

import com.google.protobuf.ByteString;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The staged bytes of one scan being uploaded: a file written strictly in order, hashed as it grows,
 * so completion needs no second pass over the payload. Holds one small buffer, never the payload.
 */
final class PartialUpload implements Closeable {

    private static final int REHASH_BUFFER = 1 << 20;
    // hashed from an array of our own: fed a read-only ByteBuffer, MessageDigest went through 4 KiB copies that HotSpot
    // left on the JDK's plain Java SHA-256 instead of the CPU's SHA instructions (JFR, docs/benchmarks.md)
    private static final int HASH_BUFFER = 1 << 16;

    private final Path data;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final byte[] hashBuffer = new byte[HASH_BUFFER];
    private long committed;

    private PartialUpload(Path data, FileChannel channel, MessageDigest digest, long committed) {
        this.data = data;
        this.channel = channel;
        this.digest = digest;
        this.committed = committed;
    }

    /** Opens the staged file, keeping the first {@code keep} bytes (0 starts over) and hashing them again. */
    static PartialUpload open(Path data, long keep) throws IOException {
        FileChannel channel = FileChannel.open(data, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long kept = Math.min(keep, channel.size());
            channel.truncate(kept);
            MessageDigest digest = sha256();
            ByteBuffer buffer = ByteBuffer.allocate(REHASH_BUFFER);
            long position = 0;
            while (position < kept) {
                buffer.clear().limit((int) Math.min(REHASH_BUFFER, kept - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                digest.update(buffer.flip());
                position += read;
            }
            channel.position(kept);
            channel.force(false);
            return new PartialUpload(data, channel, digest, kept);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    long committed() {
        return committed;
    }

    Path file() {
        return data;
    }

    void append(ByteString bytes) throws IOException {
        for (int offset = 0; offset < bytes.size(); offset += hashBuffer.length) {
            int length = Math.min(hashBuffer.length, bytes.size() - offset);
            bytes.copyTo(hashBuffer, offset, 0, length);
            digest.update(hashBuffer, 0, length);
        }
        for (ByteBuffer buffer : bytes.asReadOnlyByteBufferList()) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        committed += bytes.size();
    }

    /** Makes every appended byte durable: only then may it be acknowledged. */
    void sync() throws IOException {
        channel.force(false);
    }

    /** Syncs, closes and returns the SHA-256 of everything appended. */
    String finish() throws IOException {
        channel.force(true);
        channel.close();
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static long sizeOf(Path data) throws IOException {
        return Files.exists(data) ? Files.size(data) : 0;
    }
}
