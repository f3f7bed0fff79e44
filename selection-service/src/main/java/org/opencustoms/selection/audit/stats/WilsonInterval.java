package org.opencustoms.selection.audit.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** 95 % Wilson score interval for a binomial rate. */
public final class WilsonInterval {

    /** Two-sided 95 % critical value, the 0.975 quantile of the standard normal. */
    static final double Z_95 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    private WilsonInterval() {
    }

    /** Interval for k successes in n trials; [0, 1] when n = 0. */
    public static Interval of(long successes, long trials) {
        Counts.requireValid("Wilson interval", successes, trials);
        if (trials == 0) {
            return Interval.ZERO_TO_ONE;
        }
        return forRate((double) successes / trials, trials);
    }

    /**
     * Interval for an observed rate on a possibly non-integer sample size, such as the effective
     * sample size of a weighted sample; [0, 1] when the sample size is 0.
     */
    public static Interval forRate(double rate, double sampleSize) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("rate must be in [0, 1], was " + rate);
        }
        if (!(sampleSize >= 0.0) || Double.isInfinite(sampleSize)) {
            throw new IllegalArgumentException("sample size must be finite and >= 0, was " + sampleSize);
        }
        if (sampleSize == 0.0) {
            return Interval.ZERO_TO_ONE;
        }
        double z = Z_95;
        double zSquaredOverN = z * z / sampleSize;
        double denominator = 1.0 + zSquaredOverN;
        double centre = (rate + zSquaredOverN / 2.0) / denominator;
        double halfWidth = z / denominator
                * Math.sqrt(rate * (1.0 - rate) / sampleSize + zSquaredOverN / (4.0 * sampleSize));
        // At rate 0 (or 1) the bound is exactly 0 (or 1); pin it so rounding cannot exclude it.
        double lower = rate == 0.0 ? 0.0 : Math.max(0.0, centre - halfWidth);
        double upper = rate == 1.0 ? 1.0 : Math.min(1.0, centre + halfWidth);
        return new Interval(lower, upper);
    }
}
