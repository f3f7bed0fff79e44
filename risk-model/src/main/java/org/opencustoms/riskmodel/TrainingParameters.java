package org.opencustoms.riskmodel;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hyperparameters of encoding and boosting. Defaults were chosen on a time-ordered holdout. */
public record TrainingParameters(
        int rounds,
        int maxDepth,
        double eta,
        double subsample,
        double colsampleByTree,
        double minChildWeight,
        double lambda,
        int threads,
        int folds,
        double smoothing,
        long seed) {

    public static TrainingParameters defaults() {
        return new TrainingParameters(200, 10, 0.1, 0.8, 0.8, 1.0, 1.0, 1, 5, 50.0, 42L);
    }

    public TrainingParameters withSeed(long newSeed) {
        return new TrainingParameters(rounds, maxDepth, eta, subsample, colsampleByTree, minChildWeight, lambda,
                threads, folds, smoothing, newSeed);
    }

    /** Returns a copy with one parameter changed, e.g. {@code with("max_depth", "4")}. */
    public TrainingParameters with(String name, String value) {
        try {
            switch (name) {
                case "rounds":
                    return new TrainingParameters(Integer.parseInt(value), maxDepth, eta, subsample, colsampleByTree,
                            minChildWeight, lambda, threads, folds, smoothing, seed);
                case "max_depth":
                    return new TrainingParameters(rounds, Integer.parseInt(value), eta, subsample, colsampleByTree,
                            minChildWeight, lambda, threads, folds, smoothing, seed);
                case "eta":
                    return new TrainingParameters(rounds, maxDepth, Double.parseDouble(value), subsample,
                            colsampleByTree, minChildWeight, lambda, threads, folds, smoothing, seed);
                case "subsample":
                    return new TrainingParameters(rounds, maxDepth, eta, Double.parseDouble(value), colsampleByTree,
                            minChildWeight, lambda, threads, folds, smoothing, seed);
                case "colsample_bytree":
                    return new TrainingParameters(rounds, maxDepth, eta, subsample, Double.parseDouble(value),
                            minChildWeight, lambda, threads, folds, smoothing, seed);
                case "min_child_weight":
                    return new TrainingParameters(rounds, maxDepth, eta, subsample, colsampleByTree,
                            Double.parseDouble(value), lambda, threads, folds, smoothing, seed);
                case "lambda":
                    return new TrainingParameters(rounds, maxDepth, eta, subsample, colsampleByTree, minChildWeight,
                            Double.parseDouble(value), threads, folds, smoothing, seed);
                case "nthread":
                    return new TrainingParameters(rounds, maxDepth, eta, subsample, colsampleByTree, minChildWeight,
                            lambda, Integer.parseInt(value), folds, smoothing, seed);
                case "folds":
                    return new TrainingParameters(rounds, maxDepth, eta, subsample, colsampleByTree, minChildWeight,
                            lambda, threads, Integer.parseInt(value), smoothing, seed);
                case "smoothing":
                    return new TrainingParameters(rounds, maxDepth, eta, subsample, colsampleByTree, minChildWeight,
                            lambda, threads, folds, Double.parseDouble(value), seed);
                default:
                    throw new RiskModelException("unknown training parameter '" + name + "' (known: rounds, max_depth,"
                            + " eta, subsample, colsample_bytree, min_child_weight, lambda, nthread, folds, smoothing)");
            }
        } catch (NumberFormatException e) {
            throw new RiskModelException("training parameter '" + name + "' must be a number but is '" + value + "'");
        }
    }

    /** Parameters as XGBoost expects them. */
    public Map<String, Object> boosterParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("objective", "binary:logistic");
        parameters.put("eval_metric", "auc");
        parameters.put("tree_method", "hist");
        parameters.put("max_depth", maxDepth);
        parameters.put("eta", eta);
        parameters.put("subsample", subsample);
        parameters.put("colsample_bytree", colsampleByTree);
        parameters.put("min_child_weight", minChildWeight);
        parameters.put("lambda", lambda);
        parameters.put("nthread", threads);
        parameters.put("seed", seed);
        parameters.put("verbosity", 0);
        return parameters;
    }
}
