package org.opencustoms.riskmodel;

import java.util.List;

/**
 * Facts about a trained model, stored as metadata.json. {@code version} is a SHA-256 prefix of the booster and
 * encoder bytes, so two directories with the same version score identically. {@code validation} is null unless
 * the model was validated when trained.
 */
public record ModelMetadata(
        String version,
        String createdAt,
        String xgboostObjective,
        int trainingRows,
        double positiveRate,
        String trainingDateFrom,
        String trainingDateTo,
        double trainingSeconds,
        TrainingParameters hyperparameters,
        List<String> featureNames,
        EvaluationReport validation) {

    public ModelMetadata withValidation(EvaluationReport report) {
        return new ModelMetadata(version, createdAt, xgboostObjective, trainingRows, positiveRate, trainingDateFrom,
                trainingDateTo, trainingSeconds, hyperparameters, featureNames, report);
    }
}
