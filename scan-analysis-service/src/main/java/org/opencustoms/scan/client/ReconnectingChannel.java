package org.opencustoms.scan.client;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A plaintext channel to {@code host:port}, built again when it was shut down. */
public final class ReconnectingChannel implements Supplier<ManagedChannel>, AutoCloseable {

    private final String target;
    private ManagedChannel current;

    public ReconnectingChannel(String target) {
        this.target = target;
    }

    @Override
    public synchronized ManagedChannel get() {
        if (current == null || current.isShutdown()) {
            // pings find a dead connection in a minute rather than at the next TCP timeout
            current = ManagedChannelBuilder.forTarget(target).usePlaintext()
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
