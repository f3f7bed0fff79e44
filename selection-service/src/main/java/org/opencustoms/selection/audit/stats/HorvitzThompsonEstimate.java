package org.opencustoms.selection.audit.stats;

/**
 * Horvitz-Thompson estimate of the violation rate in a population of known size.
 *
 * @param populationSize N, the number of filings in the period
 * @param sampleSize     number of sampled filings
 * @param hits           number of sampled filings with a violation
 * @param total          estimated number of violating filings, sum(y/p)
 * @param rate           total / N
 * @param standardError  standard error of the rate under Poisson sampling
 * @param waldInterval   rate +- 1.96 SE, clipped to [0, 1]; [0, 0] when there are no hits
 */
public record HorvitzThompsonEstimate(
        long populationSize, int sampleSize, int hits,
        double total, double rate, double standardError, Interval waldInterval) {
}
