package org.opencustoms.tools.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The yardstick for ingest throughput: the same bytes copied over a plain TCP socket on this machine
 * (loopback, no framing, no checksum, no disk), timed until the receiver has read the last byte.
 */
final class SocketCopyBaseline {

    private static final int BUFFER = 1 << 20;

    private SocketCopyBaseline() {
    }

    /** Seconds to copy every payload, one connection per payload as the uploads use one stream each. */
    static double secondsToCopy(List<byte[]> payloads) throws Exception {
        ExecutorService receiver = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            for (byte[] payload : payloads) {
                Future<Long> received = receiver.submit(() -> drain(server));
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                     OutputStream out = socket.getOutputStream()) {
                    for (int offset = 0; offset < payload.length; offset += BUFFER) {
                        out.write(payload, offset, Math.min(BUFFER, payload.length - offset));
                    }
                }
                if (received.get() != payload.length) {
                    throw new IOException("the socket copy lost bytes");
                }
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            receiver.shutdownNow();
        }
    }

    private static long drain(ServerSocket server) throws IOException {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                total += read;
            }
            return total;
        }
    }
}
