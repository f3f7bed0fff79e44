package org.opencustoms.selection.audit.stats;

import java.util.Collection;
import java.util.Objects;

/**
 * Hajek (ratio) estimator of a violation rate, sum(y/p) / sum(1/p): the Horvitz-Thompson total
 * divided by the estimated, rather than the known, population size. Under Poisson sampling that
 * cancels the noise from the random sample size; with one common probability it is hits / sampled.
 *
 * <p>This is the estimator the audit should report, with {@link HajekEstimate#wilsonInterval()}:
 * unlike the Wald interval it keeps its coverage with few hits (and is not [0, 0] with none).
 * Wilson on Kish's effective sample size ignores the finite-population factor (1 - p) and any link
 * between p and the outcome, which can only make it somewhat conservative.
 */
public final class Hajek {

    private Hajek() {
    }

    /**
     * Linearised variance: sum((1 - p) / p^2 * (y - rate)^2) / (sum 1/p)^2. An empty sample gives a
     * NaN rate and [0, 1] intervals.
     */
    public static HajekEstimate estimate(Collection<SampledUnit> sample) {
        Objects.requireNonNull(sample, "sample");
        double weightSum = 0.0;
        double squaredWeightSum = 0.0;
        double weightedHits = 0.0;
        int hits = 0;
        for (SampledUnit unit : sample) {
            Objects.requireNonNull(unit, "sample must not contain null");
            double weight = unit.weight();
            weightSum += weight;
            squaredWeightSum += weight * weight;
            if (unit.violation()) {
                weightedHits += weight;
                hits++;
            }
        }
        if (sample.isEmpty()) {
            return new HajekEstimate(0, 0, Double.NaN, Double.NaN, 0.0, Interval.ZERO_TO_ONE, Interval.ZERO_TO_ONE);
        }
        double rate = Math.min(1.0, weightedHits / weightSum);
        double residualVariance = 0.0;
        for (SampledUnit unit : sample) {
            double weight = unit.weight();
            double residual = unit.outcome() - rate;
            residualVariance += (1.0 - unit.inclusionProbability()) * weight * weight * residual * residual;
        }
        double standardError = Math.sqrt(residualVariance) / weightSum;
        double effectiveSampleSize = weightSum * weightSum / squaredWeightSum;
        return new HajekEstimate(sample.size(), hits, rate, standardError, effectiveSampleSize,
                WaldInterval.forRate(rate, standardError),
                WilsonInterval.forRate(rate, effectiveSampleSize));
    }
}
