package org.opencustoms.inspection.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as a caller sees it. Inspectors get the reasons they may see and no risk score; supervisors
 * and services get everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(
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
        Double riskScore,
        boolean pickedAtRandom,
        Instant estimatedArrivalAt,
        Instant dueAt,
        TaskStatus status,
        String assignee,
        int version,
        Instant createdAt,
        Instant updatedAt,
        List<FindingView> scanFindings,
        ObjectNode outcome,
        /** what became of the shipment since the task was created (detail view only) */
        List<TaskRepository.ShipmentChange> shipmentChanges) {

    /** A scan finding with its regions numbered, and where the tablet gets the image. */
    public record FindingView(String scanId, String containerNumber, String modality, double threatScore, Double emptyScore,
                              int imageWidth, int imageHeight, String imageUrl, String modelVersion, Instant analysedAt,
                              List<RegionView> regions) {
    }

    /** @param threatClass firearm, dense-shielding, organic-packages or concealed-compartment; null when the detector cannot tell */
    public record RegionView(int index, int x, int y, int w, int h, double score, String label, String threatClass) {
    }
}
