package org.opencustoms.scan.analysis;

import ai.djl.util.JsonUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The detector's second stage, fitted on validation scans and stored with its parameters ({@value #FILE}): a
 * logistic regression from the heat map's {@link ThreatHeatMap#features features} to the scan's threat
 * probability, and the heat at which a cell becomes part of a region an inspector is shown.
 *
 * @param weights one per feature, in the order {@link ThreatHeatMap#features} gives them
 * @param regionThreshold cells at or above it form regions; chosen so that few clean validation scans show one
 */
public record ThreatScoring(double intercept, double[] weights, double regionThreshold) {

    public static final String FILE = "detector.json";
    public static final int FEATURES = 3;
    /** Stored with the fit and checked on reading, so a scoring fitted on other features is never applied to these. */
    static final String FEATURE_DESCRIPTION = "logit of the hottest cell, logit of the mean of the " + ThreatHeatMap.TOP_CELLS
            + " hottest, ln(1 + cells at or above " + ThreatHeatMap.HOT + ")";

    public ThreatScoring {
        if (weights == null || weights.length != FEATURES || !Double.isFinite(intercept) || Arrays.stream(weights).anyMatch(w -> !Double.isFinite(w))) {
            throw new IllegalArgumentException("the threat scoring needs a finite intercept and " + FEATURES + " finite weights");
        }
        if (Arrays.stream(weights).anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("the threat scoring's weights must not be negative (more heat must never lower a score)");
        }
        if (!(regionThreshold > 0 && regionThreshold < 1)) {
            throw new IllegalArgumentException("the region threshold must lie between 0 and 1, got " + regionThreshold);
        }
        weights = weights.clone();
    }

    /** The scan's calibrated threat probability. */
    public double score(double[] features) {
        double z = intercept;
        for (int i = 0; i < FEATURES; i++) {
            z += weights[i] * features[i];
        }
        return ScanAnalyzer.sigmoid(z);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    public static ThreatScoring read(Path file) {
        try {
            JsonObject json = JsonUtils.GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
            JsonArray weights = json.getAsJsonArray("weights");
            double[] values = new double[weights.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = weights.get(i).getAsDouble();
            }
            JsonElement features = json.get("features");
            if (features == null || !FEATURE_DESCRIPTION.equals(features.getAsString())) {
                throw new IllegalArgumentException(file + " was fitted on other heat-map features (" + features + "); retrain with"
                        + " bin/platform scan-model train");
            }
            return new ThreatScoring(json.get("intercept").getAsDouble(), values, json.get("regionThreshold").getAsDouble());
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(file.toString()) ? e : new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException | ClassCastException e) {
            throw new IllegalArgumentException(file + " is not a threat scoring (intercept, weights, regionThreshold): " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("features", FEATURE_DESCRIPTION);
        json.addProperty("intercept", intercept);
        JsonArray array = new JsonArray();
        for (double weight : weights) {
            array.add(weight);
        }
        json.add("weights", array);
        json.addProperty("regionThreshold", regionThreshold);
        Files.writeString(file, JsonUtils.GSON_PRETTY.toJson((JsonElement) json) + "\n", StandardCharsets.UTF_8);
    }
}
