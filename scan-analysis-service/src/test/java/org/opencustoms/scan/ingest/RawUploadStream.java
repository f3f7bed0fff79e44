package org.opencustoms.scan.ingest;

import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.opencustoms.proto.scan.v1.ScanIngestGrpc;
import org.opencustoms.proto.scan.v1.UploadRequest;
import org.opencustoms.proto.scan.v1.UploadResponse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** An upload stream driven message by message, to send what a well-behaved client never would. */
final class RawUploadStream implements StreamObserver<UploadResponse> {

    final List<UploadResponse> responses = new CopyOnWriteArrayList<>();
    volatile Metadata trailers = new Metadata();
    private final CompletableFuture<Status> end = new CompletableFuture<>();
    private final StreamObserver<UploadRequest> requests;

    RawUploadStream(Channel channel) {
        this.requests = ScanIngestGrpc.newStub(channel).upload(this);
    }

    RawUploadStream send(UploadRequest... messages) {
        for (UploadRequest message : messages) {
            requests.onNext(message);
        }
        return this;
    }

    RawUploadStream halfClose() {
        requests.onCompleted();
        return this;
    }

    void cancel() {
        requests.onError(Status.CANCELLED.withDescription("test cancels").asRuntimeException());
    }

    /** The status the server ended the stream with (OK when it completed it). */
    Status awaitEnd() throws Exception {
        return end.get(30, TimeUnit.SECONDS);
    }

    /** Waits for the n-th response (1-based). */
    UploadResponse awaitResponse(int n) throws InterruptedException {
        await("response " + n + " of the upload stream").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5)).pollInSameThread().dontCatchUncaughtExceptions()
                .failFast(() -> {
                    if (end.isDone() && responses.size() < n) {
                        throw new AssertionError("stream ended after " + responses.size() + " responses: " + end.getNow(null));
                    }
                })
                .until(responses::size, size -> size >= n);
        return responses.get(n - 1);
    }

    @Override
    public void onNext(UploadResponse response) {
        responses.add(response);
    }

    @Override
    public void onError(Throwable error) {
        Metadata received = Status.trailersFromThrowable(error);
        if (received != null) {
            trailers = received;
        }
        end.complete(Status.fromThrowable(error));
    }

    @Override
    public void onCompleted() {
        end.complete(Status.OK);
    }
}
