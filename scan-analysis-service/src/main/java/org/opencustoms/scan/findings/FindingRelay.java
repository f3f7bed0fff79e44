package org.opencustoms.scan.findings;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/**
 * Delivers the findings outbox to inspection-service. A finding names the inspection when the scanner
 * sent one; if inspection-service does not know it, or none was sent, the finding goes by container
 * number (inspection-service keeps it until the container's task appears). inspection-service is
 * idempotent on the scan id, so a delivery repeated after a crash records nothing twice. Failures back
 * off exponentially; a finding refused as invalid is kept with the reason and not resent.
 */
@ApplicationScoped
public class FindingRelay {

    private static final Logger LOG = Logger.getLogger(FindingRelay.class);
    private static final int BATCH = 50;

    private final FindingDeliveries deliveries;
    private final InspectionFindingsClient inspection;
    private final FindingsConfig config;
    private final MeterRegistry registry;

    public FindingRelay(FindingDeliveries deliveries, InspectionFindingsClient inspection, FindingsConfig config, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.inspection = inspection;
        this.config = config;
        this.registry = registry;
    }

    @Scheduled(every = "${scan.findings.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        for (FindingDeliveries.Pending pending : deliveries.due(BATCH)) {
            String outcome = deliver(pending);
            registry.counter("scan.findings.deliveries", "outcome", outcome).increment();
            if ("unreachable".equals(outcome) || "interrupted".equals(outcome)) {
                return; // the rest would fail the same way; the next run tries again
            }
        }
    }

    private String deliver(FindingDeliveries.Pending pending) {
        try {
            InspectionFindingsClient.Answer answer = isUuid(pending.inspectionId())
                    ? inspection.postToInspection(pending.inspectionId(), pending.payload()) : null;
            if (answer == null || answer.status() == 404) {
                answer = inspection.postByContainer(pending.payload());
            }
            if (answer.accepted()) {
                deliveries.delivered(pending.scanId());
                return "delivered";
            }
            String reason = "inspection-service answered " + answer.status() + ": " + answer.body();
            if (answer.refusedForGood()) {
                LOG.errorf("the finding of scan %s was refused and will not be resent: %s", pending.scanId(), reason);
                deliveries.rejected(pending.scanId(), reason);
                return "rejected";
            }
            if (answer.status() == 401 || answer.status() == 403) {
                LOG.warnf("inspection-service refuses this service's account (%d): check SCAN_ANALYSIS_SERVICE_PASSWORD; the finding of scan %s "
                        + "waits", answer.status(), pending.scanId());
            }
            retry(pending, reason);
            return "retried";
        } catch (IOException e) {
            retry(pending, "inspection-service cannot be reached: " + e.getMessage());
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void retry(FindingDeliveries.Pending pending, String reason) {
        Duration wait = backoff(pending.attempts());
        LOG.debugf("finding of scan %s not delivered (attempt %d), next in %s: %s", pending.scanId(), pending.attempts() + 1, wait, reason);
        deliveries.retryLater(pending.scanId(), reason, wait);
    }

    /** 2 s, 4 s, 8 s, ... up to the configured maximum. */
    Duration backoff(int attemptsSoFar) {
        long seconds = 1L << Math.min(20, attemptsSoFar + 1);
        return Duration.ofSeconds(Math.min(seconds, config.maxBackoff().toSeconds()));
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
