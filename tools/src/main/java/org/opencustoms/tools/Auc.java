package org.opencustoms.tools;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Area under the ROC curve via the Mann-Whitney rank statistic, in O(n log n): the scores are ranked together,
 * tied scores share their average rank, so a tie between a positive and a negative counts one half.
 * The AUC is undefined without both classes: it is then NaN.
 */
public final class Auc {

    private Auc() {
    }

    /** The AUC of scores against labels (1 = positive, any other value negative); NaN when either class is absent. */
    public static double fromLabels(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i])); // stable: a NaN ranks above every number
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

    /** The AUC of the scores of the positives against those of the negatives; NaN when either is empty. */
    public static double fromClasses(double[] positives, double[] negatives) {
        double[] scores = new double[positives.length + negatives.length];
        int[] labels = new int[scores.length];
        System.arraycopy(positives, 0, scores, 0, positives.length);
        System.arraycopy(negatives, 0, scores, positives.length, negatives.length);
        Arrays.fill(labels, 0, positives.length, 1);
        return fromLabels(scores, labels);
    }
}
