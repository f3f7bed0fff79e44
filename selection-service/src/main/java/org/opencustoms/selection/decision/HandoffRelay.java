package org.opencustoms.selection.decision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.opencustoms.selection.client.InspectionTasksClient;

import java.time.Instant;
import java.util.List;

/**
 * Delivers queued hand-offs to inspection-service: reads a batch, calls the peer outside any transaction,
 * then records each result in its own transaction. inspection-service is idempotent on the decision id, so a
 * delivery repeated after a crash creates no second task.
 */
@ApplicationScoped
public class HandoffRelay {

    private static final Logger LOG = Logger.getLogger(HandoffRelay.class);
    private static final int BATCH = 50;

    private final InspectionTasksClient inspection;

    public HandoffRelay(InspectionTasksClient inspection) {
        this.inspection = inspection;
    }

    @Scheduled(every = "${selection.handoff.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> deliverPending() {
        return Panache.withSession(() -> pending())
                .onItem().transformToMulti(batch -> Multi.createFrom().iterable(batch))
                .onItem().transformToUniAndConcatenate(this::deliver)
                .collect().last().replaceWithVoid();
    }

    private static Uni<List<InspectionHandoffEntity>> pending() {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from InspectionHandoffEntity h where h.state = :state order by h.createdAt", InspectionHandoffEntity.class)
                .setParameter("state", InspectionHandoff.PENDING)
                .setMaxResults(BATCH)
                .getResultList());
    }

    private Uni<Void> deliver(InspectionHandoffEntity handoff) {
        return inspection.create(handoff.payload)
                .onItem().transformToUni(ok -> record(handoff, null))
                .onFailure().recoverWithUni(failure -> record(handoff, failure));
    }

    private Uni<Void> record(InspectionHandoffEntity handoff, Throwable failure) {
        if (failure != null) {
            LOG.debugf("hand-off of decision %s not delivered yet: %s", handoff.decisionId, failure.getMessage());
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.find(InspectionHandoffEntity.class, handoff.decisionId))
                .invoke(row -> {
                    row.attempts++;
                    if (failure == null) {
                        row.state = InspectionHandoff.DELIVERED;
                        row.deliveredAt = Instant.now();
                        row.lastError = null;
                    } else {
                        String message = String.valueOf(failure.getMessage());
                        row.lastError = message.length() > 500 ? message.substring(0, 500) : message;
                    }
                })).replaceWithVoid();
    }
}
