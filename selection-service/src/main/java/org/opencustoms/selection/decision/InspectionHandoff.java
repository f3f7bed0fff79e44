package org.opencustoms.selection.decision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.common.outbox.Outbox;
import org.opencustoms.selection.isf.model.IsfFiling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records, in the decision's (or the withdrawal's) transaction, what inspection-service must learn about a
 * shipment: that it needs a task, or that its task is no longer needed. The message survives a crash between
 * the change and the call; {@link HandoffRelay} delivers the messages in the order they were written.
 */
@ApplicationScoped
public class InspectionHandoff {

    public static final String TASK = "TASK";
    public static final String CANCELLATION = "CANCELLATION";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String RELEASED_AFTER_AMENDMENT = "RELEASED_AFTER_AMENDMENT";

    /** {@code importerParty}: the filing's owner, so that it can see and appeal its own inspection; null for older filings. */
    public Uni<Void> enqueue(Decision decision, IsfFiling filing, String importerParty) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("decisionId", decision.id());
        task.put("filingId", decision.filingId());
        task.put("filingVersion", decision.filingVersion());
        task.put("shipmentKey", decision.shipmentKey());
        task.put("port", decision.port());
        task.put("lane", decision.lane());
        task.put("containers", filing.containerList());
        task.put("billOfLading", filing.masterBillOfLading());
        task.put("reasons", decision.reasons());
        task.put("riskScore", decision.riskScore());
        task.put("pickedAtRandom", decision.pickedAtRandom());
        task.put("estimatedArrivalAt", filing.estimatedArrivalAt());
        if (importerParty != null) {
            task.put("importerParty", importerParty);
        }
        return persist(decision.id(), decision.filingId(), TASK, task);
    }

    /**
     * The shipment's task is no longer needed: {@code reason} WITHDRAWN (messageId fresh, no decision) or
     * RELEASED_AFTER_AMENDMENT (messageId and decisionId: the releasing decision). inspection-service ignores it
     * when its task already follows a newer filing version.
     */
    public Uni<Void> enqueueCancellation(UUID messageId, UUID filingId, int filingVersion, UUID decisionId, String reason) {
        Map<String, Object> cancellation = new LinkedHashMap<>();
        cancellation.put("filingId", filingId);
        cancellation.put("filingVersion", filingVersion);
        if (decisionId != null) {
            cancellation.put("decisionId", decisionId);
        }
        cancellation.put("reason", reason);
        return persist(messageId, filingId, CANCELLATION, cancellation);
    }

    private static Uni<Void> persist(UUID messageId, UUID filingId, String kind, Map<String, Object> payload) {
        InspectionHandoffEntity entity = new InspectionHandoffEntity();
        entity.decisionId = messageId;
        entity.kind = kind;
        entity.orderingKey = filingId.toString();
        entity.payload = new String(CanonicalJson.bytes(payload), StandardCharsets.UTF_8);
        entity.state = Outbox.PENDING;
        entity.attempts = 0;
        entity.createdAt = Instant.now();
        return Panache.getSession().chain(session -> session.persist(entity));
    }
}
