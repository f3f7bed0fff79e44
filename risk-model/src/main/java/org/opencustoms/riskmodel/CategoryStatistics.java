package org.opencustoms.riskmodel;

import java.util.Map;
import java.util.TreeMap;

/**
 * Per category value of one feature: [rows, positive rows] in the training window.
 * Serialised in encoders.json; sorted so that the file (and the model version) is deterministic.
 */
public record CategoryStatistics(Map<String, int[]> values) {

    private static final int[] UNSEEN = {0, 0};

    public CategoryStatistics {
        values = new TreeMap<>(values);
    }

    public int rows(String value) {
        return values.getOrDefault(value, UNSEEN)[0];
    }

    public int positives(String value) {
        return values.getOrDefault(value, UNSEEN)[1];
    }

    /** m-estimate: pulls rare values towards the prior so that a single row does not decide the rate. */
    public static double smoothedRate(int rows, int positives, double prior, double smoothing) {
        return (positives + smoothing * prior) / (rows + smoothing);
    }
}
