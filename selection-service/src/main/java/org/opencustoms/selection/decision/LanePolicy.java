package org.opencustoms.selection.decision;

import org.opencustoms.selection.random.RandomDraw;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From scores, the random draw and the port's remaining capacity to a lane. Random picks are independent of
 * risk and always honoured (they measure compliance); risk picks beyond the port's daily capacity are sent to
 * document review instead, and say so.
 */
public final class LanePolicy {

    public record Outcome(Lane lane, boolean pickedByRisk, boolean pickedAtRandom, double pickProbability, List<Reason> extraReasons) {
    }

    private LanePolicy() {
    }

    public static Lane byRisk(double risk, SelectionConfig.Lanes thresholds) {
        if (risk >= thresholds.physicalExam()) {
            return Lane.PHYSICAL_EXAM;
        }
        if (risk >= thresholds.niiScan()) {
            return Lane.NII_SCAN;
        }
        return risk >= thresholds.documentReview() ? Lane.DOCUMENT_REVIEW : Lane.RELEASE;
    }

    public static Outcome decide(double risk, SelectionConfig.Lanes thresholds, RandomDraw draw, double randomRate, Lane randomLane,
                                 boolean capacityLeft, String port) {
        List<Reason> reasons = new ArrayList<>();
        Lane lane = byRisk(risk, thresholds);
        boolean pickedByRisk = lane.isInspection();
        if (pickedByRisk && !capacityLeft && !draw.picked()) {
            reasons.add(new Reason("CAPACITY", "capacity", 0, "Daily inspection capacity of " + port
                    + " reached: sent to document review instead of " + lane.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            lane = Lane.DOCUMENT_REVIEW;
            pickedByRisk = false;
        }
        if (draw.picked()) {
            reasons.add(new Reason("RANDOM", "random-pick", 0, String.format(Locale.ROOT,
                    "Picked at random (rate %.1f %%), independent of risk", randomRate * 100)));
            if (lane.compareTo(randomLane) < 0) {
                lane = randomLane;
            }
        }
        double probability = pickedByRisk ? 1.0 : randomRate;
        return new Outcome(lane, pickedByRisk, draw.picked(), probability, reasons);
    }
}
