package org.opencustoms.selection.audit.stats;

import java.util.Collection;
import java.util.Objects;

/**
 * Horvitz-Thompson estimator of a population violation rate from a Poisson sample (each filing
 * drawn independently with its own probability p, as our {@code HMAC(seed, key) < rate} picks are).
 *
 * <p>Unbiased, but its sample-size noise and Wald interval make it the second choice for the audit
 * report; prefer {@link Hajek} with its Wilson interval (see the package documentation).
 */
public final class HorvitzThompson {

    private HorvitzThompson() {
    }

    /**
     * total = sum(y/p), rate = total / N, and the unbiased Poisson-sampling variance
     * Var(total) = sum((1 - p) / p^2 * y^2).
     */
    public static HorvitzThompsonEstimate estimate(Collection<SampledUnit> sample, long populationSize) {
        Objects.requireNonNull(sample, "sample");
        if (populationSize < 1) {
            throw new IllegalArgumentException("population size must be >= 1, was " + populationSize);
        }
        if (sample.size() > populationSize) {
            throw new IllegalArgumentException("sample size (" + sample.size()
                    + ") must not exceed population size (" + populationSize + ")");
        }
        double total = 0.0;
        double varianceOfTotal = 0.0;
        int hits = 0;
        for (SampledUnit unit : sample) {
            Objects.requireNonNull(unit, "sample must not contain null");
            if (unit.violation()) {
                double weight = unit.weight();
                total += weight;
                varianceOfTotal += (1.0 - unit.inclusionProbability()) * weight * weight;
                hits++;
            }
        }
        double rate = total / populationSize;
        double standardError = Math.sqrt(varianceOfTotal) / populationSize;
        return new HorvitzThompsonEstimate(populationSize, sample.size(), hits,
                total, rate, standardError, WaldInterval.forRate(rate, standardError));
    }
}
