package org.opencustoms.inspection.feedback;

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
import org.opencustoms.common.peer.Peers;

import java.util.List;

/**
 * Delivers the feedback outbox ("feedback": outcome labels, a task's versions in order) to selection-service.
 * selection-service is idempotent on (inspectionId, outcomeVersion), as a crash after delivery and before
 * bookkeeping repeats a label. A label it refuses for good (a task a supervisor created by hand has no
 * decision to learn from) becomes a dead letter instead of blocking the rest.
 */
@ApplicationScoped
public class FeedbackRelay {

    static final OutboxTable TABLE = new OutboxTable("feedback", "inspection.feedback_outbox", "ordering_key", List.of());

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final SelectionLabelsClient selection;

    public FeedbackRelay(Pool pool, Config config, MeterRegistry registry, Peers peers, SelectionLabelsClient selection) {
        this.outbox = new Outbox(TABLE, OutboxPolicy.of(config, TABLE.name()), pool, registry);
        this.relay = new OutboxRelay(outbox, SelectionLabelsClient.PEER, peers, registry);
        this.selection = selection;
    }

    @Produces
    @Singleton
    Outbox outbox() {
        return outbox;
    }

    @Scheduled(every = "${inspection.feedback.every:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        deliverPending();
    }

    /** Delivers every due label; returns how many were delivered. */
    public int deliverPending() {
        return relay.drain(this::deliver);
    }

    private DeliveryResult deliver(OutboxMessage label) {
        return DeliveryResult.of(() -> selection.send(label.payload()));
    }
}
