package org.opencustoms.selection.decision;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.common.outbox.DeliveryResult;
import org.opencustoms.common.outbox.OutboxMessage;
import org.opencustoms.common.outbox.OutboxRelay;
import org.opencustoms.selection.client.InspectionTasksClient;

import java.time.Duration;

/**
 * Delivers the hand-off outbox (tasks and cancellations) to inspection-service, a shipment's messages in the
 * order written. inspection-service is idempotent on the message id and keeps one task per filing, so a delivery
 * repeated after a crash creates no second task.
 */
@ApplicationScoped
public class HandoffRelay {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

    private final OutboxRelay relay;
    private final InspectionTasksClient inspection;

    public HandoffRelay(HandoffOutbox outbox, InspectionTasksClient inspection) {
        this.relay = outbox.relay();
        this.inspection = inspection;
    }

    @Scheduled(every = "${selection.handoff.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        relay.drain(this::deliver);
    }

    private DeliveryResult deliver(OutboxMessage message) {
        boolean cancellation = InspectionHandoff.CANCELLATION.equals(message.attribute("kind"));
        return DeliveryResult.of(() -> inspection.deliver(cancellation, message.payload()).await().atMost(ANSWER_WAIT));
    }
}
