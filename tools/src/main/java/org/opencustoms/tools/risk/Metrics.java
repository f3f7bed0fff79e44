package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.EvaluationReport;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/** Ranking metrics for binary labels (1 = positive). */
public final class Metrics {

    public static final double[] REPORTED_PERCENTS = {1, 2, 5, 10};

    private Metrics() {
    }

    /**
     * Area under the ROC curve via the Mann-Whitney rank statistic; tied scores share their average rank,
     * so a tie between a positive and a negative counts one half. NaN when either class is absent.
     */
    public static double auc(double[] scores, int[] labels) {
        requireSameLength(scores, labels);
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (int k = start; k <= end; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
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
        return new EvaluationReport(labels.length, positiveRate, auc(scores, labels), precision);
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
