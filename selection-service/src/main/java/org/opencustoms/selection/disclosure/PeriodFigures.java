package org.opencustoms.selection.disclosure;

import org.opencustoms.selection.audit.stats.Hajek;
import org.opencustoms.selection.audit.stats.HajekEstimate;
import org.opencustoms.selection.audit.stats.Interval;
import org.opencustoms.selection.audit.stats.SampledUnit;
import org.opencustoms.selection.audit.stats.WilsonInterval;
import org.opencustoms.selection.decision.Lane;

import java.util.List;

/**
 * What the public learns of a disclosed period in aggregate: how many shipments were picked, how, how many were
 * examined, how often each kind of pick found a violation, and the violation rate of all traffic estimated from
 * the random picks alone (Hajek, weighted by each pick's known probability). Rates carry Wilson 95 % intervals.
 */
public record PeriodFigures(int decisions, int pickedByRisk, int pickedAtRandom, int inspected, Rate examinationRate,
                            Rate riskHitRate, Rate randomHitRate, Rate violationRateEstimate) {

    public record Rate(double estimate, double low, double high, double n) {
        static Rate of(long successes, long trials) {
            if (trials == 0) {
                return null;
            }
            Interval interval = WilsonInterval.of(successes, trials);
            return new Rate((double) successes / trials, interval.lower(), interval.upper(), trials);
        }
    }

    /** One shipment's latest decision; {@code violation} is null while no outcome is recorded. */
    public record Shipment(String lane, boolean pickedByRisk, boolean pickedAtRandom, double randomRate, Boolean violation) {
    }

    public static PeriodFigures of(List<Shipment> shipments) {
        int risk = 0;
        int random = 0;
        int inspected = 0;
        long riskHits = 0;
        long riskOutcomes = 0;
        long randomHits = 0;
        long randomOutcomes = 0;
        List<SampledUnit> sample = new java.util.ArrayList<>();
        for (Shipment s : shipments) {
            risk += s.pickedByRisk() ? 1 : 0;
            random += s.pickedAtRandom() ? 1 : 0;
            inspected += Lane.valueOf(s.lane()).isInspection() ? 1 : 0;
            if (s.violation() != null && s.pickedByRisk()) {
                riskOutcomes++;
                riskHits += s.violation() ? 1 : 0;
            }
            if (s.violation() != null && s.pickedAtRandom()) {
                randomOutcomes++;
                randomHits += s.violation() ? 1 : 0;
                sample.add(new SampledUnit(s.randomRate(), s.violation()));
            }
        }
        Rate estimate = null;
        if (!sample.isEmpty()) {
            HajekEstimate hajek = Hajek.estimate(sample);
            estimate = new Rate(hajek.rate(), hajek.wilsonInterval().lower(), hajek.wilsonInterval().upper(), hajek.sampleSize());
        }
        return new PeriodFigures(shipments.size(), risk, random, inspected, Rate.of(inspected, shipments.size()),
                Rate.of(riskHits, riskOutcomes), Rate.of(randomHits, randomOutcomes), estimate);
    }
}
