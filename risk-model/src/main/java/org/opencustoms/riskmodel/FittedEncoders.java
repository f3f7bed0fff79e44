package org.opencustoms.riskmodel;

import java.util.List;
import java.util.Map;

/**
 * Category statistics from the whole training window, used to encode records scored after training.
 * {@code categories} is keyed by categorical feature name.
 */
public record FittedEncoders(double prior, double smoothing, Map<String, CategoryStatistics> categories) {

    public CategoryEncoding forSchema(FeatureSchema schema) {
        List<CategoricalFeature> features = schema.categorical();
        CategoryStatistics[] byIndex = new CategoryStatistics[features.size()];
        for (int i = 0; i < byIndex.length; i++) {
            byIndex[i] = categories.get(features.get(i).name());
            if (byIndex[i] == null) {
                throw new RiskModelException("encoders.json has no statistics for feature '"
                        + features.get(i).name() + "'");
            }
        }
        return (featureIndex, value) -> {
            CategoryStatistics statistics = byIndex[featureIndex];
            int rows = statistics.rows(value);
            return new EncodedCategory(
                    CategoryStatistics.smoothedRate(rows, statistics.positives(value), prior, smoothing), rows);
        };
    }
}
