package org.opencustoms.selection.audit.stats;

/**
 * Outcome of a Pearson chi-square test of the random picks over groups: independence of group and
 * pick, or goodness of fit to the recorded rates (the fairness report runs both, see
 * {@code FairnessAnalysis}).
 *
 * @param statistic        Pearson chi-square statistic
 * @param degreesOfFreedom groupsUsed - 1 for independence (0 when fewer than two groups remain);
 *                         groupsUsed for goodness of fit
 * @param pValue           upper-tail probability of the statistic
 * @param minExpectedCount smallest expected cell count; NaN when fewer than two groups remain
 * @param groupsUsed       groups with a non-zero total (empty groups are dropped)
 */
public record ChiSquareResult(
        double statistic, int degreesOfFreedom, double pValue, double minExpectedCount, int groupsUsed) {

    /** Rule of thumb: the chi-square approximation is trusted when every expected count is >= 5. */
    public static final double MIN_RELIABLE_EXPECTED_COUNT = 5.0;

    public boolean approximationReliable() {
        return minExpectedCount >= MIN_RELIABLE_EXPECTED_COUNT;
    }
}
