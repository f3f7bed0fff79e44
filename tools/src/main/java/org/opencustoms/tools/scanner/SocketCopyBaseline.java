package org.opencustoms.tools.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The yardstick for ingest throughput: the same bytes copied over a plain TCP socket on this machine (loopback, no
 * framing, no TLS), hashed with SHA-256 as they arrive and written to a file in {@code directory}, fsynced before
 * the copy counts as done. That is the floor of what storing a scan durably costs here, without gRPC or the service.
 */
final class SocketCopyBaseline {

    private static final int BUFFER = 1 << 20;

    private final Path directory;

    /** {@code directory} should be on the disk the service stores scans on. */
    SocketCopyBaseline(Path directory) {
        this.directory = directory;
    }

    /** Seconds to copy, hash and durably write one payload over a connection of its own, as an upload uses one stream. */
    double secondsToStore(byte[] payload) throws Exception {
        Files.createDirectories(directory);
        ExecutorService receiver = Executors.newSingleThreadExecutor();
        Path file = Files.createTempFile(directory, "baseline-", ".raw");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            Future<byte[]> received = receiver.submit(() -> receive(server, file));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 OutputStream out = socket.getOutputStream()) {
                for (int offset = 0; offset < payload.length; offset += BUFFER) {
                    out.write(payload, offset, Math.min(BUFFER, payload.length - offset));
                }
            }
            byte[] digest = received.get();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (Files.size(file) != payload.length || !Arrays.equals(digest, sha256().digest(payload))) {
                throw new IOException("the socket copy lost or changed bytes");
            }
            return seconds;
        } finally {
            receiver.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    private static byte[] receive(ServerSocket server, Path file) throws IOException {
        MessageDigest digest = sha256();
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
             FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
            channel.force(true);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
