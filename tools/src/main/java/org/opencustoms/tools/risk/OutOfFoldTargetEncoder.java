package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.CategoricalFeature;
import org.opencustoms.riskmodel.CategoryEncoding;
import org.opencustoms.riskmodel.CategoryStatistics;
import org.opencustoms.riskmodel.EncodedCategory;
import org.opencustoms.riskmodel.FeatureSchema;
import org.opencustoms.riskmodel.FittedEncoders;
import org.opencustoms.riskmodel.RiskModelException;
import org.opencustoms.riskmodel.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Target statistics for training rows without label leakage: a row is encoded from the rows of the other
 * folds only, so its own label never contributes to its fraud rate. The count is that of the other rows
 * (all folds, labels not used), so an entity seen once in training looks like an entity never seen before,
 * which is how new entities appear when scoring.
 */
final class OutOfFoldTargetEncoder {

    private final double prior;
    private final double smoothing;
    private final int[] foldOfRow;
    private final int folds;
    private final List<CategoricalFeature> features;
    private final List<Map<String, int[]>> totals;
    private final List<Map<String, int[]>[]> perFold;

    private OutOfFoldTargetEncoder(double prior, double smoothing, int[] foldOfRow, int folds,
                                   List<CategoricalFeature> features,
                                   List<Map<String, int[]>> totals, List<Map<String, int[]>[]> perFold) {
        this.prior = prior;
        this.smoothing = smoothing;
        this.foldOfRow = foldOfRow;
        this.folds = folds;
        this.features = features;
        this.totals = totals;
        this.perFold = perFold;
    }

    static OutOfFoldTargetEncoder fit(FeatureSchema schema, List<Row> rows, int[] labels,
                                      int folds, double smoothing, long seed) {
        if (folds < 2) {
            throw new RiskModelException("out-of-fold encoding needs at least 2 folds");
        }
        int[] foldOfRow = assignFolds(rows.size(), folds, seed);
        double positives = 0;
        for (int label : labels) {
            positives += label;
        }
        double prior = rows.isEmpty() ? 0.5 : positives / rows.size();
        List<CategoricalFeature> features = schema.categorical();
        List<Map<String, int[]>> totals = new java.util.ArrayList<>();
        List<Map<String, int[]>[]> perFold = new java.util.ArrayList<>();
        for (CategoricalFeature feature : features) {
            Map<String, int[]> total = new HashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, int[]>[] byFold = new Map[folds];
            for (int f = 0; f < folds; f++) {
                byFold[f] = new HashMap<>();
            }
            for (int r = 0; r < rows.size(); r++) {
                String value = feature.valueOf(rows.get(r));
                add(total, value, labels[r]);
                add(byFold[foldOfRow[r]], value, labels[r]);
            }
            totals.add(total);
            perFold.add(byFold);
        }
        return new OutOfFoldTargetEncoder(prior, smoothing, foldOfRow, folds, features, totals, perFold);
    }

    private static void add(Map<String, int[]> counts, String value, int label) {
        int[] count = counts.computeIfAbsent(value, v -> new int[2]);
        count[0]++;
        count[1] += label;
    }

    /** Shuffled round-robin assignment: balanced folds, reproducible for a given seed. */
    private static int[] assignFolds(int rows, int folds, long seed) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] foldOfRow = new int[rows];
        for (int i = 0; i < rows; i++) {
            foldOfRow[order[i]] = i % folds;
        }
        return foldOfRow;
    }

    int folds() {
        return folds;
    }

    /** Encoding of training row {@code rowIndex}, which must be the same row list the encoder was fitted on. */
    CategoryEncoding forTrainingRow(int rowIndex) {
        int fold = foldOfRow[rowIndex];
        return (featureIndex, value) -> {
            int[] total = totals.get(featureIndex).getOrDefault(value, new int[2]);
            int[] inFold = perFold.get(featureIndex)[fold].getOrDefault(value, new int[2]);
            int rows = total[0] - inFold[0];
            int positives = total[1] - inFold[1];
            double rate = CategoryStatistics.smoothedRate(rows, positives, prior, smoothing);
            return new EncodedCategory(rate, total[0] - 1);
        };
    }

    /** Statistics over all training rows, for encoding records scored later. */
    FittedEncoders fitted() {
        Map<String, CategoryStatistics> categories = new java.util.LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            categories.put(features.get(i).name(), new CategoryStatistics(totals.get(i)));
        }
        return new FittedEncoders(prior, smoothing, categories);
    }
}
