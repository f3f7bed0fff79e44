package org.opencustoms.selection.audit.stats;

/**
 * Outcome of a {@link ChiSquareIndependence} test.
 *
 * @param statistic        Pearson chi-square statistic
 * @param degreesOfFreedom groupsUsed - 1 (0 when fewer than two groups remain)
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
