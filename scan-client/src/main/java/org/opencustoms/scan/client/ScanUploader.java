package org.opencustoms.scan.client;

import org.opencustoms.proto.scan.v1.RetryPushback;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.opencustoms.proto.scan.v1.Chunk;
import org.opencustoms.proto.scan.v1.Complete;
import org.opencustoms.proto.scan.v1.Completed;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.proto.scan.v1.ScanIngestGrpc;
import org.opencustoms.proto.scan.v1.UploadRequest;
import org.opencustoms.proto.scan.v1.UploadResponse;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Uploads scans to scan-analysis-service for scanner integrators. A cut connection or a busy server
 * is retried with backoff; each retry resumes where the server's bytes end, so only the rest is sent.
 * Memory stays at one chunk whatever the scan size, and chunks are sent only as fast as the network
 * takes them.
 *
 * <pre>{@code
 * try (ReconnectingChannel channel = new ReconnectingChannel("scans.example:9082", ScannerTls.inDirectory(dir).credentials())) {
 *     PayloadSource payload = PayloadSource.ofFile(rawFile);
 *     ScanHeader header = headerBuilder.setTotalBytes(payload.size())
 *             .setSha256(ByteString.copyFrom(payload.sha256())).build();
 *     UploadResult result = new ScanUploader(channel).upload(header, payload);
 * }
 * }</pre>
 */
public final class ScanUploader {

    public static final int DEFAULT_CHUNK_BYTES = 1 << 20;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<? extends Channel> channels;
    private final RetryPolicy retryPolicy;
    private final int chunkBytes;
    private final UploadListener listener;

    public ScanUploader(Supplier<? extends Channel> channels) {
        this(channels, RetryPolicy.defaults(), DEFAULT_CHUNK_BYTES, UploadListener.NONE);
    }

    public ScanUploader(Supplier<? extends Channel> channels, RetryPolicy retryPolicy, int chunkBytes, UploadListener listener) {
        if (chunkBytes < 1 || chunkBytes > 4 << 20) {
            throw new IllegalArgumentException("chunks must be 1 byte to 4 MiB");
        }
        this.channels = channels;
        this.retryPolicy = retryPolicy;
        this.chunkBytes = chunkBytes;
        this.listener = listener;
    }

    public UploadResult upload(ScanHeader header, PayloadSource payload) throws IOException, InterruptedException {
        if (payload.size() != header.getTotalBytes()) {
            throw new IllegalArgumentException("the header declares " + header.getTotalBytes() + " bytes but the payload has " + payload.size());
        }
        long[] sent = {0};
        for (int attempt = 1; ; attempt++) {
            try {
                Completed completed = attempt(header, payload, sent);
                String expected = HexFormat.of().formatHex(header.getSha256().toByteArray());
                if (!expected.equals(completed.getSha256Hex())) {
                    throw new ScanUploadException("the server stored another payload than this one",
                            Status.DATA_LOSS.withDescription("expected " + expected + ", got " + completed.getSha256Hex()), null);
                }
                return new UploadResult(completed.getScanId(), completed.getSha256Hex(), completed.getDuplicate(), attempt, sent[0]);
            } catch (StatusRuntimeException e) {
                if (!UploadAttempt.isRetryable(e) || attempt >= retryPolicy.maxAttempts()) {
                    throw new ScanUploadException("upload of scan " + header.getScanId() + " failed after " + attempt + " attempt(s)", e.getStatus(), e);
                }
                Duration delay = RetryPushback.of(e).orElseGet(() -> Duration.ZERO).plus(retryPolicy.backoffBefore(attempt + 1));
                listener.retrying(attempt + 1, e.getStatus(), delay);
                Thread.sleep(delay.toMillis());
            }
        }
    }

    private Completed attempt(ScanHeader header, PayloadSource payload, long[] sent) throws IOException, InterruptedException {
        UploadAttempt stream = new UploadAttempt();
        StreamObserver<UploadRequest> requests = ScanIngestGrpc.newStub(channels.get()).upload(stream);
        try {
            requests.onNext(UploadRequest.newBuilder().setHeader(header).build());
            UploadResponse first = stream.awaitFirstResponse(ANSWER_TIMEOUT);
            if (first.hasCompleted()) {
                requests.onCompleted();
                return first.getCompleted();
            }
            long offset = first.getAck().getCommittedOffset();
            if (offset > 0) {
                listener.resumingAt(offset);
            }
            sendFrom(offset, header.getTotalBytes(), payload, requests, stream, sent);
            requests.onNext(UploadRequest.newBuilder().setComplete(Complete.getDefaultInstance()).build());
            requests.onCompleted();
            return stream.awaitCompleted(ANSWER_TIMEOUT);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (!(e instanceof StatusRuntimeException)) {
                stream.cancel("client failed: " + e);
            }
            throw e;
        }
    }

    private void sendFrom(long offset, long total, PayloadSource payload, StreamObserver<UploadRequest> requests,
                          UploadAttempt stream, long[] sent) throws IOException, InterruptedException {
        byte[] buffer = new byte[chunkBytes];
        try (InputStream in = payload.openAt(offset)) {
            while (offset < total) {
                int length = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, total - offset));
                if (length == 0) {
                    throw new IOException("the payload ended at byte " + offset + " of " + total);
                }
                stream.awaitReady(ANSWER_TIMEOUT);
                requests.onNext(UploadRequest.newBuilder()
                        .setChunk(Chunk.newBuilder().setOffset(offset).setData(ByteString.copyFrom(buffer, 0, length)))
                        .build());
                offset += length;
                sent[0] += length;
                listener.sent(offset);
            }
        }
    }
}
