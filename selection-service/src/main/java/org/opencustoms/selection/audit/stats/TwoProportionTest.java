package org.opencustoms.selection.audit.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Outcome test: is one group's hit rate (hits among inspected filings) different from, or lower
 * than, the rest's? A lower hit rate for a group suggests it is inspected on weaker grounds.
 * Two-proportion z-test with pooled variance, no continuity correction.
 */
public final class TwoProportionTest {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoProportionTest() {
    }

    /**
     * When the standard error is zero (a side without trials, or no hits / only hits overall)
     * there is no evidence of a difference: z = 0 and both p-values are 1.
     */
    public static TwoProportionResult compare(long groupHits, long groupTrials, long restHits, long restTrials) {
        Counts.requireValid("group", groupHits, groupTrials);
        Counts.requireValid("rest", restHits, restTrials);
        double groupRate = Proportion.of(groupHits, groupTrials).rate();
        double restRate = Proportion.of(restHits, restTrials).rate();
        if (groupTrials == 0 || restTrials == 0) {
            return noEvidence(groupRate, restRate);
        }
        double pooledRate = ((double) groupHits + restHits) / ((double) groupTrials + restTrials);
        double standardError = Math.sqrt(
                pooledRate * (1.0 - pooledRate) * (1.0 / groupTrials + 1.0 / restTrials));
        if (standardError == 0.0) {
            return noEvidence(groupRate, restRate);
        }
        double z = (groupRate - restRate) / standardError;
        double pLower = STANDARD_NORMAL.cumulativeProbability(z);
        double pTwoSided = Math.min(1.0, 2.0 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
        return new TwoProportionResult(groupRate, restRate, z, pLower, pTwoSided);
    }

    private static TwoProportionResult noEvidence(double groupRate, double restRate) {
        return new TwoProportionResult(groupRate, restRate, 0.0, 1.0, 1.0);
    }
}
