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
            current = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
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
