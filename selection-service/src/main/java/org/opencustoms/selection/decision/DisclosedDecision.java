package org.opencustoms.selection.decision;

import org.opencustoms.selection.log.CommitmentEnvelope;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decision as it may ever leave the service: to its importer once the shipment is released or inspected, to the
 * public after its period's embargo. Rules are named by their plain description, never by what matched (a
 * watch-listed name); the model by its score, never its feature weights. The detailed reasons stay secret for good
 * and are bound by {@code intelligenceCommitment} = SHA-256(intelligence salt || canonical detailed reasons), which
 * auditors, who hold that salt, can check. The canonical JSON of this record is what the log's leaf commits to.
 */
public record DisclosedDecision(
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
        UUID supersedes,
        String intelligenceCommitment) {

    public static DisclosedDecision of(Decision d, Map<String, String> ruleDescriptions, byte[] intelligenceSalt) {
        return new DisclosedDecision(d.id(), d.filingId(), d.filingVersion(), d.filingDigest(), d.shipmentKey(), d.port(),
                d.decidedAt(), d.lane(), d.riskScore(), d.ruleScore(), d.modelScore(), d.modelVersion(), d.ruleSetVersion(),
                d.pickedByRisk(), d.pickedAtRandom(), d.randomPeriod(), d.randomRate(), d.randomDraw(), d.pickProbability(),
                plain(d, ruleDescriptions), d.supersedes(), intelligenceCommitment(d.reasons(), intelligenceSalt));
    }

    /** The same decision with other reasons: comparing two disclosures apart from their wording. */
    public DisclosedDecision withReasons(List<Reason> other) {
        return new DisclosedDecision(id, filingId, filingVersion, filingDigest, shipmentKey, port, decidedAt, lane, riskScore, ruleScore,
                modelScore, modelVersion, ruleSetVersion, pickedByRisk, pickedAtRandom, randomPeriod, randomRate, randomDraw,
                pickProbability, List.copyOf(other), supersedes, intelligenceCommitment);
    }

    public static String intelligenceCommitment(List<Reason> detailedReasons, byte[] intelligenceSalt) {
        return CommitmentEnvelope.commitment(intelligenceSalt, CanonicalJson.bytes(detailedReasons));
    }

    private static List<Reason> plain(Decision d, Map<String, String> ruleDescriptions) {
        List<Reason> plain = new java.util.ArrayList<>();
        boolean modelNamed = false;
        for (Reason reason : d.reasons()) {
            switch (reason.source()) {
                case "RULE" -> plain.add(new Reason("RULE", reason.id(), 0,
                        ruleDescriptions.getOrDefault(reason.id(), "Rule " + reason.id() + " of rule set " + d.ruleSetVersion())));
                case "MODEL" -> {
                    if (!modelNamed) {
                        plain.add(new Reason("MODEL", d.modelVersion(), 0,
                                "The risk model learned from past inspections rated the filing's risk"));
                        modelNamed = true;
                    }
                }
                default -> plain.add(reason);
            }
        }
        return List.copyOf(plain);
    }
}
