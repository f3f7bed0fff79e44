package org.opencustoms.scan.store;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencustoms.common.files.OrphanSweep;
import org.opencustoms.scan.catalog.ScanRepository;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** Deletes stored payloads and renditions whose row never committed (a crash between the object and its row). */
@ApplicationScoped
public class OrphanedObjectSweeper {

    private static final Logger LOG = Logger.getLogger(OrphanedObjectSweeper.class);

    @Inject
    PayloadStore store;
    @Inject
    ScanRepository scans;
    @ConfigProperty(name = "scan.store.orphan-grace")
    Duration grace;

    @Scheduled(every = "${scan.store.sweep-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepOnSchedule() throws IOException {
        sweep(Instant.now());
    }

    /** Sweeps objects untouched for longer than the grace period before {@code now}. */
    public OrphanSweep.Swept sweep(Instant now) throws IOException {
        OrphanSweep.Swept swept = store.sweepUnreferenced(now.minus(grace), scans::referencedObjects);
        if (swept.any()) {
            LOG.infof("deleted %d stored objects no row refers to and %d unfinished writes (%d bytes)", swept.objects(), swept.temporaryFiles(), swept.bytes());
        }
        return swept;
    }
}
