package org.opencustoms.scan.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.Callable;

/** A scan payload that can be read again from any offset, which is what makes an upload resumable. */
public interface PayloadSource {

    long size() throws IOException;

    /** The payload's bytes from {@code offset} to its end. */
    InputStream openAt(long offset) throws IOException;

    /** SHA-256 of the whole payload, for the header. */
    default byte[] sha256() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(openAt(0), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    static PayloadSource ofFile(Path file) {
        return new PayloadSource() {
            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public InputStream openAt(long offset) throws IOException {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(offset);
                return Channels.newInputStream(channel);
            }
        };
    }

    /**
     * A payload read from a stream that can be opened again from its start (a scanner's acquisition
     * buffer, a file on a share): a resume reopens it and skips the bytes the server already has.
     */
    static PayloadSource ofStream(long size, Callable<InputStream> reopen) {
        return new PayloadSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream openAt(long offset) throws IOException {
                InputStream in;
                try {
                    in = reopen.call();
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException("cannot reopen the payload stream: " + e.getMessage(), e);
                }
                try {
                    in.skipNBytes(offset);
                    return in;
                } catch (IOException e) {
                    in.close();
                    throw e;
                }
            }
        };
    }

    static PayloadSource ofBytes(byte[] payload) {
        return new PayloadSource() {
            @Override
            public long size() {
                return payload.length;
            }

            @Override
            public InputStream openAt(long offset) {
                int start = (int) Math.min(offset, payload.length);
                return new ByteArrayInputStream(payload, start, payload.length - start);
            }
        };
    }
}
