package org.opencustoms.inspection.photo;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencustoms.common.files.OrphanSweep;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** Deletes photo files whose row never committed (a crash or an error between the file and its row). */
@ApplicationScoped
public class PhotoOrphanSweeper {

    private static final Logger LOG = Logger.getLogger(PhotoOrphanSweeper.class);

    @Inject
    PhotoStore store;
    @Inject
    PhotoRepository photos;
    @ConfigProperty(name = "inspection.photos.orphan-grace")
    Duration grace;

    @Scheduled(every = "${inspection.photos.sweep-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepOnSchedule() throws IOException {
        sweep(Instant.now());
    }

    /** Sweeps files untouched for longer than the grace period before {@code now}. */
    public OrphanSweep.Swept sweep(Instant now) throws IOException {
        OrphanSweep.Swept swept = OrphanSweep.sweep(store.directory(), now.minus(grace), photos::referenced);
        if (swept.any()) {
            LOG.infof("deleted %d photo files no row refers to and %d unfinished writes (%d bytes)", swept.objects(), swept.temporaryFiles(), swept.bytes());
        }
        return swept;
    }
}
