package org.opencustoms.selection.decision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.opencustoms.selection.client.InspectionTasksClient;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivers queued hand-offs (tasks and cancellations) to inspection-service in the order they were written:
 * reads a batch, calls the peer outside any transaction, then records each result in its own transaction.
 * inspection-service is idempotent on the decision id and keeps one task per filing, so a delivery repeated
 * after a crash creates no second task.
 */
@ApplicationScoped
public class HandoffRelay {

    private static final Logger LOG = Logger.getLogger(HandoffRelay.class);
    private static final int BATCH = 50;
    /** The payload is canonical JSON written by {@link InspectionHandoff}: "filingId":"<uuid>" */
    private static final Pattern FILING_ID = Pattern.compile("\"filingId\":\"([0-9a-f-]{36})\"");

    private final InspectionTasksClient inspection;

    public HandoffRelay(InspectionTasksClient inspection) {
        this.inspection = inspection;
    }

    @Scheduled(every = "${selection.handoff.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> deliverPending() {
        // a shipment whose message failed gets none of its later ones in this round: a cancellation must not overtake its task
        Set<String> held = new HashSet<>();
        return Panache.withSession(() -> pending())
                .onItem().transformToMulti(batch -> Multi.createFrom().iterable(batch))
                .onItem().transformToUniAndConcatenate(handoff -> {
                    String filing = filingOf(handoff);
                    if (held.contains(filing)) {
                        return Uni.createFrom().voidItem();
                    }
                    return deliver(handoff).invoke(delivered -> {
                        if (!delivered) {
                            held.add(filing);
                        }
                    }).replaceWithVoid();
                })
                .collect().last().replaceWithVoid();
    }

    private static String filingOf(InspectionHandoffEntity handoff) {
        Matcher filing = FILING_ID.matcher(handoff.payload);
        return filing.find() ? filing.group(1) : handoff.decisionId.toString();
    }

    private static Uni<List<InspectionHandoffEntity>> pending() {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from InspectionHandoffEntity h where h.state = :state order by h.seq", InspectionHandoffEntity.class)
                .setParameter("state", InspectionHandoff.PENDING)
                .setMaxResults(BATCH)
                .getResultList());
    }

    /** True when inspection-service took the message. */
    private Uni<Boolean> deliver(InspectionHandoffEntity handoff) {
        return inspection.deliver(InspectionHandoff.CANCELLATION.equals(handoff.kind), handoff.payload)
                .onItem().transformToUni(ok -> record(handoff, null).replaceWith(true))
                .onFailure().recoverWithUni(failure -> record(handoff, failure).replaceWith(false));
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
