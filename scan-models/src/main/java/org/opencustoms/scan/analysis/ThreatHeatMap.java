package org.opencustoms.scan.analysis;

import org.opencv.core.Rect;

import java.util.Arrays;

/**
 * The detector's output over one scan: per cell of {@link ScanNetworks#OUTPUT_STRIDE} normalized pixels the
 * probability that it shows part of a threat, and the logits of the threat classes.
 *
 * @param threat       row-major probabilities, {@code width x height}
 * @param classLogits  {@link ThreatClass} planes of {@code width x height}, in the enum's order
 */
public record ThreatHeatMap(int width, int height, float[] threat, float[] classLogits) {

    /** How many of the hottest cells the second stage averages. */
    static final int TOP_CELLS = 16;
    /** A cell at or above this probability counts towards the hot area. */
    static final double HOT = 0.5;

    /** Splits the network's output (channels x height x width) into probabilities and class logits. */
    public static ThreatHeatMap of(float[] output, int height, int width) {
        int cells = width * height;
        float[] threat = new float[cells];
        for (int i = 0; i < cells; i++) {
            threat[i] = (float) ScanAnalyzer.sigmoid(output[i]);
        }
        return new ThreatHeatMap(width, height, threat, Arrays.copyOfRange(output, cells, cells * ScanNetworks.OUTPUT_CHANNELS));
    }

    /**
     * What the second stage reads, inside the container's cells: the logit of the hottest cell, the logit of the mean of
     * the {@link #TOP_CELLS} hottest, and the log of one plus the number of cells at or above {@link #HOT}. A threat shows
     * as a compact hot blob; a clean scan's false alarms are single cells or faint smears.
     */
    public double[] features(Rect cells) {
        float[] inside = new float[cells.width * cells.height];
        int n = 0;
        int hot = 0;
        for (int y = cells.y; y < cells.y + cells.height; y++) {
            for (int x = cells.x; x < cells.x + cells.width; x++) {
                float p = threat[y * width + x];
                inside[n++] = p;
                hot += p >= HOT ? 1 : 0;
            }
        }
        Arrays.sort(inside);
        int top = Math.min(TOP_CELLS, n);
        double topSum = 0;
        for (int i = n - top; i < n; i++) {
            topSum += inside[i];
        }
        return new double[] {logit(inside[n - 1]), logit(topSum / top), Math.log1p(hot)};
    }

    /** The highest threat probability among the cells. */
    public float hottest(Rect cells) {
        float hottest = 0;
        for (int y = cells.y; y < cells.y + cells.height; y++) {
            for (int x = cells.x; x < cells.x + cells.width; x++) {
                hottest = Math.max(hottest, threat[y * width + x]);
            }
        }
        return hottest;
    }

    /** The class whose probability, weighted by each cell's threat probability, is highest over the cells of {@code mask}. */
    public ThreatClass classOf(byte[] mask) {
        ThreatClass[] classes = ThreatClass.values();
        double[] weight = new double[classes.length];
        int cells = width * height;
        double[] probabilities = new double[classes.length];
        for (int i = 0; i < cells; i++) {
            if (mask[i] == 0) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes.length; k++) {
                max = Math.max(max, classLogits[k * cells + i]);
            }
            double sum = 0;
            for (int k = 0; k < classes.length; k++) {
                probabilities[k] = Math.exp(classLogits[k * cells + i] - max);
                sum += probabilities[k];
            }
            for (int k = 0; k < classes.length; k++) {
                weight[k] += threat[i] * probabilities[k] / sum;
            }
        }
        int best = 0;
        for (int k = 1; k < classes.length; k++) {
            best = weight[k] > weight[best] ? k : best;
        }
        return classes[best];
    }

    /** The cells covering a rectangle of normalized pixels (at least one cell, inside the map). */
    public Rect cellsOf(Rect pixels) {
        int stride = ScanNetworks.OUTPUT_STRIDE;
        int x0 = Math.max(0, Math.min(width - 1, pixels.x / stride));
        int y0 = Math.max(0, Math.min(height - 1, pixels.y / stride));
        int x1 = Math.max(x0 + 1, Math.min(width, (pixels.x + pixels.width + stride - 1) / stride));
        int y1 = Math.max(y0 + 1, Math.min(height, (pixels.y + pixels.height + stride - 1) / stride));
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    static double logit(double p) {
        double clipped = Math.max(1e-6, Math.min(1 - 1e-6, p));
        return Math.log(clipped / (1 - clipped));
    }
}
