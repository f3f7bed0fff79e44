package org.opencustoms.scan.ingest;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;

/** Reclaims the space of uploads abandoned for longer than {@code scan.ingest.partial-upload-ttl}. */
@ApplicationScoped
public class PartialUploadReaper {

    private static final Logger LOG = Logger.getLogger(PartialUploadReaper.class);

    private final StagingArea staging;
    private final UploadRegistry registry;
    private final IngestConfig config;

    @Inject
    public PartialUploadReaper(StagingArea staging, UploadRegistry registry, IngestConfig config) {
        this.staging = staging;
        this.registry = registry;
        this.config = config;
    }

    @Scheduled(every = "${scan.ingest.reap-every:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reapOnSchedule() throws IOException {
        int reaped = reapExpired(Instant.now());
        if (reaped > 0) {
            LOG.infof("deleted %d partial uploads abandoned for more than %s", reaped, config.partialUploadTtl());
        }
    }

    /** Deletes every partial upload untouched since {@code now} minus the TTL and not being received; returns how many. */
    public int reapExpired(Instant now) throws IOException {
        Instant cutoff = now.minus(config.partialUploadTtl());
        int reaped = 0;
        for (StagingArea.StagedUpload upload : staging.list()) {
            if (!upload.lastTouched().isBefore(cutoff)) {
                continue;
            }
            synchronized (registry.lockFor(upload.scanId())) {
                boolean stillExpired = staging.lastTouched(upload.scanId()).map(touched -> touched.isBefore(cutoff)).orElse(false);
                if (stillExpired && !registry.isActive(upload.scanId())) {
                    staging.discard(upload.scanId());
                    reaped++;
                }
            }
        }
        return reaped + staging.deleteStrayPartsUntouchedSince(cutoff);
    }
}
