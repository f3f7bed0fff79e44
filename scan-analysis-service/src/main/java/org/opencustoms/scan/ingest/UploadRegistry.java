package org.opencustoms.scan.ingest;

import org.opencustoms.proto.scan.v1.RetryPushback;

import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Which uploads are being received. It bounds how many run at once (a scanner beyond the limit is
 * refused at once, not queued) and gives each scan id one owner: when a scanner reconnects while the
 * server still holds its dead stream, the new stream takes over and the old one is aborted.
 */
@ApplicationScoped
public class UploadRegistry {

    private static final int STRIPES = 64;
    private static final Duration BUSY_PUSHBACK = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final int limit;
    private final ConcurrentHashMap<String, UploadSession> owners = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[STRIPES];

    @Inject
    public UploadRegistry(IngestConfig config) {
        this.limit = config.maxConcurrentUploads();
        this.permits = new Semaphore(limit);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    void admit() {
        if (!permits.tryAcquire()) {
            throw RetryPushback.withPushback(Status.RESOURCE_EXHAUSTED
                    .withDescription("this service is receiving its maximum of " + limit + " concurrent uploads; retry shortly"), BUSY_PUSHBACK);
        }
    }

    void leave() {
        permits.release();
    }

    /** Every use of a scan id's staged files happens while holding this lock. */
    Object lockFor(String scanId) {
        return stripes[Math.floorMod(scanId.hashCode(), STRIPES)];
    }

    /** Makes {@code session} the owner of its scan id; the previous owner, if any, is superseded. Call under the lock. */
    void takeOwnership(String scanId, UploadSession session) {
        UploadSession previous = owners.put(scanId, session);
        if (previous != null && previous != session) {
            previous.supersede();
        }
    }

    boolean owns(String scanId, UploadSession session) {
        return owners.get(scanId) == session;
    }

    void release(String scanId, UploadSession session) {
        owners.remove(scanId, session);
    }

    boolean isActive(String scanId) {
        return owners.containsKey(scanId);
    }
}
