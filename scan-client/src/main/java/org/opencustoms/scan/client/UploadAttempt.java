package org.opencustoms.scan.client;

import org.opencustoms.proto.scan.v1.RetryPushback;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.opencustoms.proto.scan.v1.Completed;
import org.opencustoms.proto.scan.v1.UploadRequest;
import org.opencustoms.proto.scan.v1.UploadResponse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client's view of one upload stream: the first answer (where to start), readiness of the
 * transport (so the uploader sends only what the network takes: gRPC flow control), and the end.
 */
final class UploadAttempt implements ClientResponseObserver<UploadRequest, UploadResponse> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private ClientCallStreamObserver<UploadRequest> call;
    private UploadResponse first;
    private Completed completed;
    /** the server's answer with its trailers, which carry the retry pushback */
    private StatusRuntimeException failure;
    private boolean closed;

    @Override
    public void beforeStart(ClientCallStreamObserver<UploadRequest> requestStream) {
        this.call = requestStream;
        requestStream.setOnReadyHandler(this::signal);
    }

    @Override
    public void onNext(UploadResponse response) {
        lock.lock();
        try {
            if (first == null) {
                first = response;
            }
            if (response.hasCompleted()) {
                completed = response.getCompleted();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onError(Throwable error) {
        lock.lock();
        try {
            failure = Status.fromThrowable(error).asRuntimeException(Status.trailersFromThrowable(error));
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onCompleted() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The server's first answer: an Ack with the offset to start at, or Completed for a stored scan. */
    UploadResponse awaitFirstResponse(Duration timeout) throws InterruptedException {
        return await(timeout, () -> first != null, () -> first);
    }

    /** Waits until the transport takes more; fails if the stream ended meanwhile. */
    void awaitReady(Duration stallTimeout) throws InterruptedException {
        await(stallTimeout, () -> call.isReady(), () -> Boolean.TRUE);
    }

    Completed awaitCompleted(Duration timeout) throws InterruptedException {
        return await(timeout, () -> completed != null, () -> completed);
    }

    void cancel(String why) {
        call.cancel(why, null);
    }

    private <T> T await(Duration timeout, java.util.function.BooleanSupplier done, java.util.function.Supplier<T> result)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (done.getAsBoolean()) {
                    return result.get();
                }
                if (failure != null) {
                    throw failure;
                }
                if (closed) {
                    throw Status.INTERNAL.withDescription("the server ended the stream without an answer").asRuntimeException();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw Status.DEADLINE_EXCEEDED.withDescription("no progress for " + timeout.toSeconds() + " s").asRuntimeException();
                }
                // readiness changes are signalled by the on-ready handler; the timed wait also covers a missed signal
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    static boolean isRetryable(StatusRuntimeException error) {
        return switch (error.getStatus().getCode()) {
            case UNAVAILABLE, ABORTED, CANCELLED, DEADLINE_EXCEEDED, INTERNAL -> true;
            case RESOURCE_EXHAUSTED -> RetryPushback.of(error).isPresent();
            default -> false;
        };
    }
}
