package org.opencustoms.selection.decision;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.model.IsfFiling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records, in the decision's transaction, that a selected shipment must become an inspection task, so the
 * hand-off survives a crash between the decision and the call to inspection-service.
 */
@ApplicationScoped
public class InspectionHandoff {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";

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
        InspectionHandoffEntity entity = new InspectionHandoffEntity();
        entity.decisionId = decision.id();
        entity.payload = new String(CanonicalJson.bytes(task), StandardCharsets.UTF_8);
        entity.state = PENDING;
        entity.attempts = 0;
        entity.createdAt = Instant.now();
        return Panache.getSession().chain(session -> session.persist(entity));
    }
}
