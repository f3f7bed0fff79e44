package org.opencustoms.selection.audit.stats;

/**
 * Hajek (ratio) estimate of a violation rate from a weighted sample.
 *
 * @param sampleSize          number of sampled filings
 * @param hits                number of sampled filings with a violation
 * @param rate                sum(y/p) / sum(1/p); NaN for an empty sample
 * @param standardError       linearised standard error; NaN for an empty sample
 * @param effectiveSampleSize Kish's (sum w)^2 / sum w^2 with w = 1/p
 * @param waldInterval        rate +- 1.96 SE clipped to [0, 1]; undercovers with few hits
 * @param wilsonInterval      Wilson interval on the effective sample size: the one to report
 */
public record HajekEstimate(
        int sampleSize, int hits, double rate, double standardError,
        double effectiveSampleSize, Interval waldInterval, Interval wilsonInterval) {
}
