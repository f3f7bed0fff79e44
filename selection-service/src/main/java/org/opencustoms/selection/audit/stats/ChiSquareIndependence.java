package org.opencustoms.selection.audit.stats;

import java.util.Objects;

/**
 * Pearson chi-square test of independence for a groups x (picked, not picked) table: is the
 * chance of being picked the same in every group?
 */
public final class ChiSquareIndependence {

    private ChiSquareIndependence() {
    }

    /**
     * @param picked    per group, the number of filings picked
     * @param notPicked per group, the number not picked (same order and length as {@code picked})
     */
    public static ChiSquareResult test(long[] picked, long[] notPicked) {
        Objects.requireNonNull(picked, "picked");
        Objects.requireNonNull(notPicked, "notPicked");
        if (picked.length != notPicked.length) {
            throw new IllegalArgumentException("picked and notPicked must have the same length, were "
                    + picked.length + " and " + notPicked.length);
        }
        int groupsUsed = 0;
        long pickedTotal = 0;
        long notPickedTotal = 0;
        for (int i = 0; i < picked.length; i++) {
            requireNonNegative("picked", i, picked[i]);
            requireNonNegative("notPicked", i, notPicked[i]);
            if (picked[i] + notPicked[i] > 0) {
                groupsUsed++;
            }
            pickedTotal = Math.addExact(pickedTotal, picked[i]);
            notPickedTotal = Math.addExact(notPickedTotal, notPicked[i]);
        }
        if (groupsUsed < 2) {
            return new ChiSquareResult(0.0, 0, 1.0, Double.NaN, groupsUsed);
        }
        int degreesOfFreedom = groupsUsed - 1;
        if (pickedTotal == 0 || notPickedTotal == 0) {
            // Nobody (or everybody) was picked: every group looks the same, nothing to test.
            return new ChiSquareResult(0.0, degreesOfFreedom, 1.0, 0.0, groupsUsed);
        }
        double grandTotal = (double) pickedTotal + notPickedTotal;
        double pickedShare = pickedTotal / grandTotal;
        double notPickedShare = notPickedTotal / grandTotal;
        double statistic = 0.0;
        double minExpected = Double.POSITIVE_INFINITY;
        for (int i = 0; i < picked.length; i++) {
            double groupTotal = (double) picked[i] + notPicked[i];
            if (groupTotal == 0.0) {
                continue;
            }
            double expectedPicked = groupTotal * pickedShare;
            double expectedNotPicked = groupTotal * notPickedShare;
            statistic += squaredDeviation(picked[i], expectedPicked) + squaredDeviation(notPicked[i], expectedNotPicked);
            minExpected = Math.min(minExpected, Math.min(expectedPicked, expectedNotPicked));
        }
        double pValue = ChiSquared.upperTail(statistic, degreesOfFreedom);
        return new ChiSquareResult(statistic, degreesOfFreedom, pValue, minExpected, groupsUsed);
    }

    private static double squaredDeviation(long observed, double expected) {
        double deviation = observed - expected;
        return deviation * deviation / expected;
    }

    private static void requireNonNegative(String name, int index, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + "[" + index + "] must be >= 0, was " + count);
        }
    }
}
