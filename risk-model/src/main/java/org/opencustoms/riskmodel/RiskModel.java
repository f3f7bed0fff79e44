package org.opencustoms.riskmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained risk model loaded from a model directory. Scores records (higher = riskier, in [0, 1]) and explains
 * scores by per-feature SHAP contributions.
 *
 * <p>Thread-safe: each prediction runs on a copy of the booster that no other thread uses meanwhile (one copy per
 * core, {@link BoosterPool}); feature building needs no copy. Close the model to free the native boosters.
 */
public final class RiskModel implements AutoCloseable {

    private static final int BATCH_ROWS = 10_000;

    private final ColumnMapping mapping;
    private final FeatureSchema schema;
    private final FeatureVectorizer vectorizer;
    private final CategoryEncoding encoding;
    private final ModelMetadata metadata;
    private final BoosterPool boosters;

    private RiskModel(ColumnMapping mapping, FittedEncoders encoders, ModelMetadata metadata, BoosterPool boosters) {
        this.mapping = mapping;
        this.schema = new FeatureSchema(mapping);
        this.vectorizer = new FeatureVectorizer(schema);
        this.encoding = encoders.forSchema(schema);
        this.metadata = metadata;
        this.boosters = boosters;
        if (!schema.featureNames().equals(metadata.featureNames())) {
            throw new RiskModelException("metadata.json feature names do not match the mapping in the model directory");
        }
    }

    public static RiskModel load(Path directory) {
        ColumnMapping mapping = ColumnMapping.load(directory.resolve(ModelDirectory.MAPPING_FILE));
        FittedEncoders encoders = Json.read(directory.resolve(ModelDirectory.ENCODERS_FILE), FittedEncoders.class);
        ModelMetadata metadata = Json.read(directory.resolve(ModelDirectory.METADATA_FILE), ModelMetadata.class);
        byte[] boosterBytes = ModelDirectory.readBytes(directory.resolve(ModelDirectory.BOOSTER_FILE));
        BoosterPool boosters;
        try {
            boosters = BoosterPool.load(boosterBytes, Runtime.getRuntime().availableProcessors());
        } catch (XGBoostError | java.io.IOException e) {
            throw new RiskModelException("cannot load " + ModelDirectory.BOOSTER_FILE + ": " + e.getMessage(), e);
        }
        try {
            return new RiskModel(mapping, encoders, metadata, boosters);
        } catch (RuntimeException e) {
            boosters.close();
            throw e;
        }
    }

    public String version() {
        return metadata.version();
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    /**
     * Scores one record keyed by the mapping's column names. An absent key counts as an empty cell (missing).
     *
     * @throws RiskModelException when a numeric column holds text that is not a number
     */
    public double score(Map<String, String> row) {
        return scoreRows(List.of(Row.of(row)))[0];
    }

    /** Scores many records in one pass; the result is in input order. */
    public double[] scoreRows(List<Row> rows) {
        double[] scores = new double[rows.size()];
        for (int start = 0; start < rows.size(); start += BATCH_ROWS) {
            List<Row> batch = rows.subList(start, Math.min(rows.size(), start + BATCH_ROWS));
            float[][] predictions = predict(vectorizer.matrix(batch, encoding), batch.size(), false);
            for (int i = 0; i < batch.size(); i++) {
                scores[start + i] = predictions[i][0];
            }
        }
        return scores;
    }

    /** The n features that moved this record's score most (by absolute SHAP value), largest first. */
    public List<FeatureContribution> topContributions(Map<String, String> row, int n) {
        float[] features = vectorizer.matrix(List.of(Row.of(row)), encoding);
        float[] contributions = predict(features, 1, true)[0]; // last entry is the bias term
        List<String> names = schema.featureNames();
        List<FeatureContribution> result = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            result.add(new FeatureContribution(names.get(i), features[i], contributions[i]));
        }
        result.sort(Comparator.comparingDouble((FeatureContribution c) -> -Math.abs(c.contribution())));
        return List.copyOf(result.subList(0, Math.max(0, Math.min(n, result.size()))));
    }

    private float[][] predict(float[] matrix, int rowCount, boolean contributions) {
        DMatrix data = null;
        try {
            data = new DMatrix(matrix, rowCount, schema.width(), Float.NaN);
            DMatrix rows = data;
            return boosters.call(booster -> contributions ? booster.predictContrib(rows, 0) : booster.predict(rows), version());
        } catch (XGBoostError e) {
            throw new RiskModelException("XGBoost prediction failed: " + e.getMessage(), e);
        } finally {
            if (data != null) {
                data.dispose();
            }
        }
    }

    @Override
    public void close() {
        boosters.close();
    }
}
