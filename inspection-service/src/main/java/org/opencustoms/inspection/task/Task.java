package org.opencustoms.inspection.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task as stored. */
public record Task(
        UUID id,
        UUID decisionId,
        UUID filingId,
        int filingVersion,
        String shipmentKey,
        String port,
        String lane,
        List<String> containers,
        String billOfLading,
        List<Reason> reasons,
        double riskScore,
        boolean pickedAtRandom,
        Instant estimatedArrivalAt,
        Instant dueAt,
        TaskStatus status,
        String assignee,
        int version,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        /** the filer party of the selected filing; null for tasks from before identities */
        String importerParty) {

    /** The same task, created cancelled: its shipment's cancellation arrived first. */
    public Task cancelled() {
        return new Task(id, decisionId, filingId, filingVersion, shipmentKey, port, lane, containers, billOfLading, reasons, riskScore,
                pickedAtRandom, estimatedArrivalAt, dueAt, TaskStatus.CANCELLED, assignee, version, createdAt, updatedAt, submittedAt,
                importerParty);
    }
}
