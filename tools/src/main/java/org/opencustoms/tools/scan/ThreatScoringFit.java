package org.opencustoms.tools.scan;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.opencustoms.scan.analysis.ThreatScoring;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits the detector's second stage on validation scans the detector never trained on: a logistic regression (one
 * linear unit, trained like the networks) from the heat-map features to "the scan holds a threat", with no negative
 * weight (a feature that would get one is left out and the rest refitted, so more heat never lowers a score), and the region
 * threshold: the heat that at most {@link #REGION_FALSE_ALARMS} of clean validation scans reach anywhere, never below 0.5
 * nor above 0.99.
 */
final class ThreatScoringFit {

    static final double REGION_FALSE_ALARMS = 0.05;
    private static final int EPOCHS = 300;
    private static final double MAX_REGION_THRESHOLD = 0.99;

    private ThreatScoringFit() {
    }

    /** One validation scan: its heat-map features, its hottest cell and whether it holds a threat. */
    record Example(double[] features, double hottest, boolean threat) {
    }

    /** The intercept and the weights of one logistic fit, excluded features held at weight 0. */
    private static double[] fit(List<float[]> inputs, List<Boolean> labels, boolean[] excluded, long seed) {
        List<float[]> masked = new ArrayList<>();
        for (float[] input : inputs) {
            float[] x = input.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] = excluded[i] ? 0f : x[i];
            }
            masked.add(x);
        }
        try (Model model = Model.newInstance("threat-scoring", Device.cpu(), "PyTorch")) {
            Linear unit = Linear.builder().setUnits(1).build();
            model.setBlock(unit);
            BinaryClassifierTraining.fit(model, n -> new Shape(n, ThreatScoring.FEATURES), masked, labels, EPOCHS, 64, 0.02f, seed, true,
                    new PrintStream(OutputStream.nullOutputStream()));
            float[] w = unit.getParameters().get("weight").getArray().toFloatArray();
            double[] fitted = new double[1 + w.length];
            fitted[0] = unit.getParameters().get("bias").getArray().toFloatArray()[0];
            for (int i = 0; i < w.length; i++) {
                fitted[1 + i] = excluded[i] ? 0 : w[i];
            }
            return fitted;
        }
    }

    private static boolean anyNegative(double[] fitted) {
        for (int i = 1; i < fitted.length; i++) {
            if (fitted[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** Fits the stage; a region threshold held at its 0.99 cap (more clean scans reach it than the rate allows) is reported to {@code log}. */
    static ThreatScoring fit(List<Example> examples, long seed, PrintStream log) {
        if (examples.stream().noneMatch(Example::threat) || examples.stream().allMatch(Example::threat)) {
            throw new IllegalArgumentException("the validation scans need both clean scans and scans with threats");
        }
        List<float[]> inputs = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (Example example : examples) {
            float[] x = new float[ThreatScoring.FEATURES];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) example.features()[i];
            }
            inputs.add(x);
            labels.add(example.threat());
        }
        boolean[] excluded = new boolean[ThreatScoring.FEATURES];
        double[] fitted = fit(inputs, labels, excluded, seed);
        for (int round = 1; anyNegative(fitted); round++) {
            if (round == ThreatScoring.FEATURES) {
                throw new IllegalStateException("the detector's heat does not rank the validation scans with threats above the clean ones:"
                        + " every feature of the second stage got a negative weight");
            }
            int worst = 1;
            for (int i = 2; i < fitted.length; i++) {
                worst = fitted[i] < fitted[worst] ? i : worst;
            }
            excluded[worst - 1] = true; // more heat must never lower a scan's score
            fitted = fit(inputs, labels, excluded, seed);
        }
        double intercept = fitted[0];
        double[] weights = Arrays.copyOfRange(fitted, 1, fitted.length);
        double[] clean = examples.stream().filter(e -> !e.threat()).mapToDouble(Example::hottest).sorted().toArray();
        double quantile = clean[Math.min(clean.length - 1, (int) Math.ceil((1 - REGION_FALSE_ALARMS) * clean.length) - 1)];
        double regionThreshold = Math.min(MAX_REGION_THRESHOLD, Math.max(0.5, Math.nextUp(quantile)));
        if (quantile >= MAX_REGION_THRESHOLD) {
            log.printf(java.util.Locale.ROOT, "  warning: %.1f %% of clean validation scans have a cell at %.4f or more: regions will show on more"
                    + " clean scans than the %.0f %% intended%n", 100.0 * java.util.Arrays.stream(clean).filter(h -> h >= MAX_REGION_THRESHOLD).count()
                    / clean.length, MAX_REGION_THRESHOLD, 100 * REGION_FALSE_ALARMS);
        }
        return new ThreatScoring(intercept, weights, regionThreshold);
    }
}
