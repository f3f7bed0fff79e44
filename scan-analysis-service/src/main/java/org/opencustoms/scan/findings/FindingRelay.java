package org.opencustoms.scan.findings;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.opencustoms.common.outbox.DeliveryResult;
import org.opencustoms.common.outbox.Outbox;
import org.opencustoms.common.outbox.OutboxMessage;
import org.opencustoms.common.outbox.OutboxPolicy;
import org.opencustoms.common.outbox.OutboxRelay;
import org.opencustoms.common.outbox.OutboxTable;
import org.opencustoms.common.peer.PeerAnswer;
import org.opencustoms.common.peer.Peers;

import java.util.List;
import java.util.UUID;

/**
 * Delivers the findings outbox ("findings") to inspection-service. A finding names the inspection when the
 * scanner sent one; if inspection-service does not know it, or none was sent, the finding goes by container
 * number (inspection-service keeps it until the container's task appears). inspection-service is idempotent
 * on the scan id, so a delivery repeated after a crash records nothing twice.
 */
@ApplicationScoped
public class FindingRelay {

    static final OutboxTable TABLE = new OutboxTable("findings", "scan_analysis.finding_delivery", null, List.of("inspection_id"));

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final InspectionFindingsClient inspection;

    public FindingRelay(Pool pool, Config config, MeterRegistry registry, Peers peers, InspectionFindingsClient inspection) {
        this.outbox = new Outbox(TABLE, OutboxPolicy.of(config, TABLE.name()), pool, registry);
        this.relay = new OutboxRelay(outbox, InspectionFindingsClient.PEER, peers, registry);
        this.inspection = inspection;
    }

    @Produces
    @Singleton
    Outbox outbox() {
        return outbox;
    }

    @Scheduled(every = "${scan.findings.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        relay.drain(this::deliver);
    }

    private DeliveryResult deliver(OutboxMessage finding) {
        return DeliveryResult.of(() -> {
            String inspectionId = finding.attribute("inspection_id");
            PeerAnswer answer = isUuid(inspectionId) ? inspection.postToInspection(inspectionId, finding.payload()) : null;
            return answer == null || answer.status() == 404 ? inspection.postByContainer(finding.payload()) : answer;
        });
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
