package org.opencustoms.scan.ingest;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import org.opencustoms.common.files.FreeSpace;
import org.opencustoms.proto.scan.v1.ScanIngestGrpc;
import org.opencustoms.proto.scan.v1.UploadRequest;
import org.opencustoms.proto.scan.v1.UploadResponse;
import org.opencustoms.proto.scan.v1.UploadStatus;
import org.opencustoms.proto.scan.v1.UploadStatusRequest;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.ScanRepository;
import org.opencustoms.scan.store.PayloadStore;

import java.util.Optional;

/**
 * {@code customs.scan.v1.ScanIngest}: scanners stream scans here. Both calls block on disk and
 * database, so they run on worker threads, never on the event loop.
 */
@GrpcService
public class ScanIngestService extends ScanIngestGrpc.ScanIngestImplBase {

    private final IngestServices services;

    @Inject
    public ScanIngestService(IngestConfig config, UploadRegistry registry, StagingArea staging, PayloadStore store, ScanRepository repository,
                             IngestMetrics metrics, IngestAdmission admission) {
        this.services = new IngestServices(config, registry, staging, store, repository, metrics, admission,
                new FreeSpace(store.stagingDirectory(), config.minFreeBytes()));
    }

    @Override
    @Blocking
    public StreamObserver<UploadRequest> upload(StreamObserver<UploadResponse> responses) {
        return new UploadSession(services, responses);
    }

    @Override
    @Blocking
    public void getUploadStatus(UploadStatusRequest request, StreamObserver<UploadStatus> responses) {
        String scanId = request.getScanId();
        if (scanId.isBlank() || scanId.length() > 128) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription("scan_id must be 1-128 characters").asRuntimeException());
            return;
        }
        UploadStatus.Builder status = UploadStatus.newBuilder().setScanId(scanId);
        Optional<ScanRecord> stored = services.repository().find(scanId);
        if (stored.isPresent()) {
            status.setState(UploadStatus.State.COMPLETED).setCommittedOffset(stored.get().totalBytes());
        } else {
            Optional<Long> staged;
            synchronized (services.registry().lockFor(scanId)) {
                staged = services.staging().stagedBytes(scanId);
            }
            staged.ifPresentOrElse(
                    bytes -> status.setState(UploadStatus.State.IN_PROGRESS).setCommittedOffset(bytes),
                    () -> status.setState(UploadStatus.State.UNKNOWN));
        }
        responses.onNext(status.build());
        responses.onCompleted();
    }
}
