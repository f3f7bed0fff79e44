package org.opencustoms.scan.client;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A channel to {@code host:port}, built again when it was shut down: with a scanner's {@link ScannerTls}
 * credentials, or {@link InsecureChannelCredentials} against a development server that allows plain text.
 */
public final class ReconnectingChannel implements Supplier<ManagedChannel>, AutoCloseable {

    private final String target;
    private final ChannelCredentials credentials;
    private ManagedChannel current;

    public ReconnectingChannel(String target, ChannelCredentials credentials) {
        this.target = target;
        this.credentials = credentials;
    }

    @Override
    public synchronized ManagedChannel get() {
        if (current == null || current.isShutdown()) {
            // pings find a dead connection in a minute rather than at the next TCP timeout
            current = Grpc.newChannelBuilder(target, credentials)
                    .keepAliveTime(30, TimeUnit.SECONDS)
                    .keepAliveTimeout(20, TimeUnit.SECONDS)
                    .build();
        }
        return current;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (current != null) {
            current.shutdown();
            if (!current.awaitTermination(5, TimeUnit.SECONDS)) {
                current.shutdownNow();
            }
        }
    }
}
