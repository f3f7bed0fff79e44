package org.opencustoms.platform.bench;

import java.util.Arrays;

/** The median of a benchmark's few figures (the mean of the middle two when they are even in number). */
final class Median {

    private Median() {
    }

    static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no figures to take the median of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
