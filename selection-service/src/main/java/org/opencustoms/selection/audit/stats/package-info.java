/**
 * Estimators and tests for the selection fairness audit. Distribution functions (normal, chi-square)
 * come from Apache Commons Statistics; what is here has no library equivalent: the Horvitz-Thompson
 * and Hajek estimators for Poisson samples, Wilson intervals on an effective sample size, and the
 * one-sided two-proportion test.
 *
 * <p>Which violation-rate figure the audit should report for a random stratum: the
 * {@link org.opencustoms.selection.audit.stats.Hajek} rate with its
 * {@link org.opencustoms.selection.audit.stats.HajekEstimate#wilsonInterval() Wilson interval on
 * the effective sample size}. Reasons (see {@code HorvitzThompsonCoverageTest}):
 * <ul>
 *   <li>Our random picks are Poisson sampling ({@code HMAC(seed, key) < rate}), so the number of
 *       sampled filings is itself random. The Horvitz-Thompson rate {@code sum(y/p) / N} carries
 *       that noise; the Hajek ratio {@code sum(y/p) / sum(1/p)} cancels it and, with one common
 *       probability, is simply hits / sampled.</li>
 *   <li>Wald intervals ({@code estimate +- 1.96 SE}) undercover with few hits and collapse to
 *       [0, 0] with none. The Wilson interval does not.</li>
 * </ul>
 */
package org.opencustoms.selection.audit.stats;
