package org.opencustoms.inspection.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A selected shipment handed over by selection-service (its InspectionHandoff payload). */
public record HandoffRequest(
        UUID decisionId,
        UUID filingId,
        Integer filingVersion,
        String shipmentKey,
        String port,
        String lane,
        List<String> containers,
        String billOfLading,
        List<Reason> reasons,
        Double riskScore,
        Boolean pickedAtRandom,
        Instant estimatedArrivalAt,
        /** the importer's party number, as the filing's owner; optional */
        String importerParty) {
}
