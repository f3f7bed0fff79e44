package org.opencustoms.selection.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A selection decision as published (API and log entry). */
public record Decision(
        UUID id,
        UUID filingId,
        int filingVersion,
        String filingDigest,
        String shipmentKey,
        String port,
        Instant decidedAt,
        Lane lane,
        double riskScore,
        double ruleScore,
        Double modelScore,
        String modelVersion,
        int ruleSetVersion,
        boolean pickedByRisk,
        boolean pickedAtRandom,
        String randomPeriod,
        double randomRate,
        String randomDraw,
        double pickProbability,
        List<Reason> reasons,
        UUID supersedes) {
}
