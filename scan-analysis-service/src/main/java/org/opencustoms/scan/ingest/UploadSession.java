package org.opencustoms.scan.ingest;

import org.opencustoms.proto.scan.v1.RetryPushback;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.jboss.logging.Logger;
import org.opencustoms.proto.scan.v1.Ack;
import org.opencustoms.proto.scan.v1.Chunk;
import org.opencustoms.proto.scan.v1.Completed;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.proto.scan.v1.UploadRequest;
import org.opencustoms.proto.scan.v1.UploadResponse;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.ScanRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One upload stream: header, chunks in order, completion. gRPC delivers its messages one at a time on
 * a worker thread and asks the scanner for the next only when this one is handled, so at most one
 * chunk per upload is ever in memory. Staged files are touched only under the scan id's lock, which
 * is what lets a reconnecting scanner take over from its own dead stream.
 */
final class UploadSession implements StreamObserver<UploadRequest> {

    private static final Logger LOG = Logger.getLogger(UploadSession.class);
    private static final java.time.Duration BACKLOG_PUSHBACK = java.time.Duration.ofSeconds(30);
    private static final java.time.Duration FULL_DISK_PUSHBACK = java.time.Duration.ofMinutes(5);

    private enum State { AWAITING_HEADER, RECEIVING, FINISHED }

    private final IngestServices services;
    private final StreamObserver<UploadResponse> responses;
    private volatile State state = State.AWAITING_HEADER;
    private volatile boolean superseded;
    private boolean admitted;
    private ScanHeader header;
    private PartialUpload partial;
    private long unacknowledged;

    UploadSession(IngestServices services, StreamObserver<UploadResponse> responses) {
        this.services = services;
        this.responses = responses;
    }

    @Override
    public void onNext(UploadRequest request) {
        if (state == State.FINISHED) {
            return;
        }
        try {
            switch (request.getKindCase()) {
                case HEADER -> onHeader(request.getHeader());
                case CHUNK -> onChunk(request.getChunk());
                case COMPLETE -> onComplete();
                default -> throw Status.INVALID_ARGUMENT.withDescription("empty UploadRequest: set header, chunk or complete").asRuntimeException();
            }
        } catch (StatusRuntimeException e) {
            fail(e);
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf(e, "storage failed while receiving scan %s", scanId());
            fail(Status.UNAVAILABLE.withDescription("the scan store failed (" + e.getMessage() + "); resume the upload later").asRuntimeException());
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure while receiving scan %s", scanId());
            fail(Status.INTERNAL.withDescription("unexpected server error; resume the upload later").asRuntimeException());
        }
    }

    @Override
    public void onError(Throwable cause) {
        // the scanner went away or cancelled: keep what was received so that it can resume
        if (state != State.FINISHED) {
            services.metrics().interrupted();
        }
        state = State.FINISHED;
        releaseResources();
    }

    @Override
    public void onCompleted() {
        if (state != State.FINISHED) {
            fail(Status.FAILED_PRECONDITION
                    .withDescription("the stream ended before Complete; reconnect and resume the upload")
                    .asRuntimeException());
        }
    }

    private void onHeader(ScanHeader received) throws IOException {
        if (state != State.AWAITING_HEADER) {
            throw Status.INVALID_ARGUMENT.withDescription("a second header on one upload stream; one stream carries one scan").asRuntimeException();
        }
        HeaderValidator.validate(received, services.config().maxScanBytes(), Instant.now());
        Optional<ScanRecord> stored = services.repository().find(received.getScanId());
        if (stored.isPresent()) {
            answerAlreadyStored(stored.get(), hex(received.getSha256()));
            return;
        }
        if (!services.admission().admitsNewScans() && services.staging().stagedHeader(received.getScanId()).isEmpty()) {
            // an upload already under way may finish; a new one waits until the backlog is down
            throw RetryPushback.withPushback(Status.RESOURCE_EXHAUSTED.withDescription(services.admission().backlog()
                    + " scans wait for analysis here; send this scan again later or to another replica"), BACKLOG_PUSHBACK);
        }
        if (services.staging().stagedHeader(received.getScanId()).isEmpty() && !services.space().hasRoomFor(received.getTotalBytes())) {
            // as with the backlog, an upload already under way may finish: its space was granted when it began
            throw RetryPushback.withPushback(Status.RESOURCE_EXHAUSTED.withDescription("the scan store is nearly full: "
                    + services.space().shortfall(received.getTotalBytes()) + "; send this scan again later or to another replica"),
                    FULL_DISK_PUSHBACK);
        }
        services.registry().admit();
        admitted = true;
        header = received;
        synchronized (lock()) {
            Optional<ScanHeader> staged = services.staging().stagedHeader(received.getScanId());
            if (staged.isPresent() && !(staged.get().getScannerId().equals(received.getScannerId())
                    && staged.get().getSite().equals(received.getSite()))) {
                // scan ids are global: one scanner cannot resume, or overwrite, another's interrupted upload
                throw Status.ALREADY_EXISTS.withDescription("scan " + received.getScanId() + " is being uploaded by another scanner; "
                        + "choose another scan id").asRuntimeException();
            }
            services.registry().takeOwnership(received.getScanId(), this);
            partial = services.staging().open(received);
            state = State.RECEIVING;
            responses.onNext(ack(partial.committed()));
        }
    }

    private void onChunk(Chunk chunk) throws IOException {
        requireHeader();
        ByteString data = chunk.getData();
        if (data.isEmpty()) {
            throw Status.INVALID_ARGUMENT.withDescription("empty chunk at offset " + chunk.getOffset()).asRuntimeException();
        }
        synchronized (lock()) {
            requireOwnership();
            long committed = partial.committed();
            if (chunk.getOffset() != committed) {
                String problem = chunk.getOffset() < committed ? "overlaps bytes already received" : "leaves a gap";
                throw Status.FAILED_PRECONDITION
                        .withDescription("chunk at offset " + chunk.getOffset() + " " + problem + "; the next expected offset is " + committed)
                        .asRuntimeException();
            }
            long end = committed + data.size();
            if (end > header.getTotalBytes()) {
                throw Status.OUT_OF_RANGE
                        .withDescription("chunk ends at byte " + end + ", beyond the declared total_bytes " + header.getTotalBytes())
                        .asRuntimeException();
            }
            partial.append(data);
            services.metrics().received(data.size());
            unacknowledged += data.size();
            if (unacknowledged >= services.config().ackEveryBytes()) {
                partial.sync();
                unacknowledged = 0;
                responses.onNext(ack(partial.committed()));
            }
        }
    }

    private void onComplete() throws IOException {
        requireHeader();
        String scanId = header.getScanId();
        boolean duplicate;
        String sha256;
        synchronized (lock()) {
            requireOwnership();
            if (partial.committed() != header.getTotalBytes()) {
                throw Status.FAILED_PRECONDITION
                        .withDescription("Complete after " + partial.committed() + " of " + header.getTotalBytes() + " bytes; send the rest first")
                        .asRuntimeException();
            }
            sha256 = partial.finish();
            String declared = hex(header.getSha256());
            if (!sha256.equals(declared)) {
                services.staging().discard(scanId);
                throw Status.DATA_LOSS
                        .withDescription("the payload's SHA-256 is " + sha256 + " but the header declared " + declared
                                + "; the upload was discarded: send the scan again from the start")
                        .asRuntimeException();
            }
            services.store().put(partial.file(), sha256);
            ScanRepository.Inserted inserted = services.repository().insertIfAbsent(ScanRecord.received(header, Instant.now()));
            services.staging().discard(scanId);
            if (!inserted.scan().payloadSha256().equals(sha256)) {
                throw alreadyStoredWithOtherPayload(inserted.scan(), sha256);
            }
            duplicate = !inserted.created();
            state = State.FINISHED;
            responses.onNext(completed(scanId, sha256, duplicate));
            responses.onCompleted();
        }
        releaseResources();
        if (duplicate) {
            services.metrics().duplicate();
        } else {
            services.metrics().stored();
            LOG.infof("stored scan %s (%d bytes, sha256 %s), queued for analysis", scanId, header.getTotalBytes(), sha256);
            services.admission().scanStored();
        }
    }

    private void answerAlreadyStored(ScanRecord stored, String sha256) {
        if (!stored.payloadSha256().equals(sha256)) {
            throw alreadyStoredWithOtherPayload(stored, sha256);
        }
        state = State.FINISHED;
        services.metrics().duplicate();
        responses.onNext(completed(stored.scanId(), sha256, true));
        responses.onCompleted();
    }

    private static StatusRuntimeException alreadyStoredWithOtherPayload(ScanRecord stored, String sha256) {
        return Status.ALREADY_EXISTS
                .withDescription("scan " + stored.scanId() + " is already stored with payload SHA-256 " + stored.payloadSha256()
                        + ", and this upload's is " + sha256 + "; a scan id names one image, so give a new image a new scan id")
                .asRuntimeException();
    }

    /** Called under the scan id's lock by the stream that takes over this scan id. */
    void supersede() {
        superseded = true;
        closeQuietly();
    }

    private void requireHeader() {
        if (state == State.AWAITING_HEADER) {
            throw Status.INVALID_ARGUMENT.withDescription("the first message of an upload must be its header").asRuntimeException();
        }
    }

    private void requireOwnership() {
        if (superseded) {
            throw Status.ABORTED.withDescription("a newer upload stream of scan " + header.getScanId() + " took over").asRuntimeException();
        }
    }

    private void fail(StatusRuntimeException error) {
        state = State.FINISHED;
        services.metrics().refused(error.getStatus().getCode());
        releaseResources();
        responses.onError(error);
    }

    private void releaseResources() {
        if (header != null) {
            synchronized (lock()) {
                if (services.registry().owns(header.getScanId(), this)) {
                    services.registry().release(header.getScanId(), this);
                    closeQuietly();
                }
            }
        }
        if (admitted) {
            admitted = false;
            services.registry().leave();
        }
    }

    private void closeQuietly() {
        if (partial != null) {
            try {
                partial.close();
            } catch (IOException e) {
                LOG.warnf(e, "could not close the staged upload of %s", header.getScanId());
            }
        }
    }

    private Object lock() {
        return services.registry().lockFor(header.getScanId());
    }

    private String scanId() {
        return header == null ? "(no header yet)" : header.getScanId();
    }

    private UploadResponse ack(long committed) {
        return UploadResponse.newBuilder().setAck(Ack.newBuilder().setScanId(header.getScanId()).setCommittedOffset(committed)).build();
    }

    private static UploadResponse completed(String scanId, String sha256, boolean duplicate) {
        return UploadResponse.newBuilder()
                .setCompleted(Completed.newBuilder().setScanId(scanId).setSha256Hex(sha256).setDuplicate(duplicate))
                .build();
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
