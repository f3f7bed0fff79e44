package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.EvaluationReport;
import org.opencustoms.tools.Auc;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/** Ranking metrics for binary labels (1 = positive). */
public final class Metrics {

    public static final double[] REPORTED_PERCENTS = {1, 2, 5, 10};

    private Metrics() {
    }

    /** How many rows "the top k percent" of n rows is: ceil(n * k / 100), at least 1 when n > 0. */
    public static int topCount(int n, double percent) {
        if (n == 0) {
            return 0;
        }
        // the small tolerance keeps e.g. 5% of 200 at 10 despite binary floating point
        int count = (int) Math.ceil(n * percent / 100.0 - 1e-9);
        return Math.max(1, Math.min(n, count));
    }

    /**
     * Share of positives among the topCount(n, percent) highest scores. Equal scores keep their input order,
     * so the result is deterministic.
     */
    public static double precisionAtPercent(double[] scores, int[] labels, double percent) {
        requireSameLength(scores, labels);
        int k = topCount(scores.length, percent);
        if (k == 0) {
            return Double.NaN;
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a])); // stable: ties keep input order
        int positives = 0;
        for (int i = 0; i < k; i++) {
            positives += labels[order[i]];
        }
        return (double) positives / k;
    }

    public static EvaluationReport evaluate(double[] scores, int[] labels) {
        Map<String, Double> precision = new LinkedHashMap<>();
        for (double percent : REPORTED_PERCENTS) {
            precision.put(formatPercent(percent), precisionAtPercent(scores, labels, percent));
        }
        int positives = 0;
        for (int label : labels) {
            positives += label;
        }
        double positiveRate = labels.length == 0 ? Double.NaN : (double) positives / labels.length;
        return new EvaluationReport(labels.length, positiveRate, Auc.fromLabels(scores, labels), precision);
    }

    private static String formatPercent(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }

    private static void requireSameLength(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
    }
}
