package org.opencustoms.selection.audit.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Sample quantiles by linear interpolation between order statistics ("type 7", R's default):
 * for probability q over n sorted values, position h = (n - 1) q, interpolated between
 * x[floor(h)] and x[floor(h) + 1].
 */
public final class Percentiles {

    private Percentiles() {
    }

    public static PercentileSummary summarize(List<Double> values) {
        double[] sorted = sortedCopy(values);
        return new PercentileSummary(sorted.length, quantileOfSorted(sorted, 0.5), quantileOfSorted(sorted, 0.95));
    }

    /** The q-quantile, q in [0, 1]; NaN for an empty list. */
    public static double quantile(List<Double> values, double probability) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
        }
        return quantileOfSorted(sortedCopy(values), probability);
    }

    private static double[] sortedCopy(List<Double> values) {
        Objects.requireNonNull(values, "values");
        double[] sorted = new double[values.size()];
        int i = 0;
        for (Double value : values) {
            if (value == null || value.isNaN()) {
                throw new IllegalArgumentException("values must not contain null or NaN (index " + i + ")");
            }
            sorted[i++] = value;
        }
        Arrays.sort(sorted);
        return sorted;
    }

    private static double quantileOfSorted(double[] sorted, double probability) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = (sorted.length - 1) * probability;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
