package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.CellParser;
import org.opencustoms.riskmodel.ColumnMapping;
import org.opencustoms.riskmodel.FeatureSchema;
import org.opencustoms.riskmodel.FeatureVectorizer;
import org.opencustoms.riskmodel.Json;
import org.opencustoms.riskmodel.ModelMetadata;
import org.opencustoms.riskmodel.RiskModelException;
import org.opencustoms.riskmodel.Row;
import org.opencustoms.riskmodel.TrainedModel;
import org.opencustoms.riskmodel.TrainingParameters;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Fits the category encoders and an XGBoost classifier on labelled records. */
public final class RiskModelTrainer {

    private final ColumnMapping mapping;
    private final String mappingYaml;
    private final TrainingParameters parameters;

    public RiskModelTrainer(ColumnMapping mapping, String mappingYaml, TrainingParameters parameters) {
        this.mapping = mapping;
        this.mappingYaml = mappingYaml;
        this.parameters = parameters;
    }

    TrainedModel train(LabeledDataset data) {
        if (data.size() == 0) {
            throw new RiskModelException("no training rows");
        }
        int[] labels = data.labels();
        long started = System.nanoTime();
        FeatureSchema schema = new FeatureSchema(mapping);
        List<Row> rows = data.rows();
        OutOfFoldTargetEncoder encoder = OutOfFoldTargetEncoder.fit(
                schema, rows, labels, parameters.folds(), parameters.smoothing(), parameters.seed());
        float[] matrix = trainingMatrix(schema, rows, encoder);
        byte[] boosterBytes = boost(matrix, rows.size(), schema.width(), labels);
        double seconds = (System.nanoTime() - started) / 1e9;

        byte[] encoderBytes = Json.bytes(encoder.fitted());
        String[] window = dateWindow(rows);
        ModelMetadata metadata = new ModelMetadata(
                ModelVersion.of(boosterBytes, encoderBytes),
                Instant.now().toString(),
                "binary:logistic",
                data.size(),
                data.positiveRate(),
                window[0],
                window[1],
                Math.round(seconds * 1000) / 1000.0,
                parameters,
                schema.featureNames(),
                null);
        return new TrainedModel(boosterBytes, encoderBytes, mappingYaml, metadata);
    }

    private static float[] trainingMatrix(FeatureSchema schema, List<Row> rows, OutOfFoldTargetEncoder encoder) {
        FeatureVectorizer vectorizer = new FeatureVectorizer(schema);
        int width = schema.width();
        float[] matrix = new float[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            vectorizer.fill(rows.get(r), encoder.forTrainingRow(r), matrix, r * width);
        }
        return matrix;
    }

    private byte[] boost(float[] matrix, int rowCount, int width, int[] labels) {
        float[] floatLabels = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            floatLabels[i] = labels[i];
        }
        DMatrix train = null;
        Booster booster = null;
        try {
            train = new DMatrix(matrix, rowCount, width, Float.NaN);
            train.setLabel(floatLabels);
            booster = XGBoost.train(train, parameters.boosterParameters(), parameters.rounds(),
                    new HashMap<>(), null, null);
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new RiskModelException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (train != null) {
                train.dispose();
            }
        }
    }

    /** First and last value of the date column; ISO dates (yyyy-MM-dd) compare correctly as text. */
    private String[] dateWindow(List<Row> rows) {
        if (mapping.date() == null || mapping.date().isBlank()) {
            return new String[] {null, null};
        }
        String first = null;
        String last = null;
        for (Row row : rows) {
            String value = CellParser.category(row, mapping.date());
            if (value.isEmpty()) {
                continue;
            }
            if (first == null || value.compareTo(first) < 0) {
                first = value;
            }
            if (last == null || value.compareTo(last) > 0) {
                last = value;
            }
        }
        return new String[] {first, last};
    }
}
