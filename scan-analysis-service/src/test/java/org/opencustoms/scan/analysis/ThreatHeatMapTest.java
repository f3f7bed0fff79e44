package org.opencustoms.scan.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Rect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detector's second stage: what it reads from a heat map, and the scoring it stores with the model. */
class ThreatHeatMapTest {

    private static final int WIDTH = 10;
    private static final int HEIGHT = 4;

    /** A heat map from logits: every cell 0.1 but a hot blob of three cells, and per-cell class logits favouring one class. */
    private static ThreatHeatMap map(ThreatClass favoured) {
        int cells = WIDTH * HEIGHT;
        float[] output = new float[cells * ScanNetworks.OUTPUT_CHANNELS];
        for (int i = 0; i < cells; i++) {
            output[i] = (float) ThreatHeatMap.logit(0.1);
        }
        output[WIDTH + 2] = (float) ThreatHeatMap.logit(0.95);
        output[WIDTH + 3] = (float) ThreatHeatMap.logit(0.8);
        output[2 * WIDTH + 3] = (float) ThreatHeatMap.logit(0.6);
        for (int i = 0; i < cells; i++) {
            output[(1 + favoured.ordinal()) * cells + i] = 3f;
        }
        return ThreatHeatMap.of(output, HEIGHT, WIDTH);
    }

    @Test
    void theFeaturesAreTheHottestCellTheMeanOfTheHottestAndTheHotArea() {
        ThreatHeatMap heat = map(ThreatClass.FIREARM);
        double[] features = heat.features(new Rect(0, 0, WIDTH, HEIGHT));
        assertEquals(ThreatHeatMap.logit(0.95), features[0], 1e-4);
        assertEquals(0.95, heat.hottest(new Rect(0, 0, WIDTH, HEIGHT)), 1e-6);
        double top = (0.95 + 0.8 + 0.6 + 13 * 0.1) / ThreatHeatMap.TOP_CELLS;
        assertEquals(ThreatHeatMap.logit(top), features[1], 1e-4);
        assertEquals(Math.log(1 + 3), features[2], 1e-9);

        double[] outsideTheBlob = heat.features(new Rect(5, 0, 5, HEIGHT));
        assertEquals(ThreatHeatMap.logit(0.1), outsideTheBlob[0], 1e-4, "only the cells asked for are read");
        assertEquals(0, outsideTheBlob[2], 1e-9);
    }

    @Test
    void aBlobTakesTheClassTheDetectorFavoursOverItWeightedByHowSureItIsOfEachCell() {
        int cells = WIDTH * HEIGHT;
        float[] output = new float[cells * ScanNetworks.OUTPUT_CHANNELS];
        java.util.Arrays.fill(output, 0, cells, (float) ThreatHeatMap.logit(0.1));
        int hot = WIDTH + 2;
        int lukewarm = WIDTH + 3;
        output[hot] = (float) ThreatHeatMap.logit(0.95);
        output[lukewarm] = (float) ThreatHeatMap.logit(0.3);
        for (int i = 0; i < cells; i++) {
            output[(1 + ThreatClass.CONCEALED_COMPARTMENT.ordinal()) * cells + i] = 5f; // everywhere outside the blob
        }
        output[(1 + ThreatClass.CONCEALED_COMPARTMENT.ordinal()) * cells + hot] = 0f;
        output[(1 + ThreatClass.CONCEALED_COMPARTMENT.ordinal()) * cells + lukewarm] = 0f;
        output[(1 + ThreatClass.ORGANIC_PACKAGES.ordinal()) * cells + hot] = 4f;
        output[(1 + ThreatClass.FIREARM.ordinal()) * cells + lukewarm] = 4f; // first in order: an unweighted tie would pick it
        ThreatHeatMap heat = ThreatHeatMap.of(output, HEIGHT, WIDTH);

        byte[] blob = new byte[cells];
        blob[hot] = 1;
        blob[lukewarm] = 1;
        assertEquals(ThreatClass.ORGANIC_PACKAGES, heat.classOf(blob),
                "the surer cell outweighs the other, and cells outside the blob count for nothing");
        byte[] lukewarmOnly = new byte[cells];
        lukewarmOnly[lukewarm] = 1;
        assertEquals(ThreatClass.FIREARM, heat.classOf(lukewarmOnly));
    }

    @Test
    void cellsCoverPixelRectanglesAndStayInsideTheMap() {
        ThreatHeatMap heat = map(ThreatClass.FIREARM);
        assertEquals(new Rect(1, 0, 2, 1), heat.cellsOf(new Rect(5, 1, 6, 2)));
        assertEquals(new Rect(0, 0, WIDTH, HEIGHT), heat.cellsOf(new Rect(-8, -8, 400, 400)));
        assertEquals(new Rect(WIDTH - 1, HEIGHT - 1, 1, 1), heat.cellsOf(new Rect(1000, 1000, 4, 4)), "never empty");
    }

    @Test
    void theScoringIsALogisticRegressionStoredWithTheModel(@TempDir Path dir) throws IOException {
        ThreatScoring scoring = new ThreatScoring(-1.5, new double[] {0.5, 0.25, 0.1}, 0.9);
        double[] features = {2, 1, Math.log(4)};
        double z = -1.5 + 0.5 * 2 + 0.25 + 0.1 * Math.log(4);
        assertEquals(1 / (1 + Math.exp(-z)), scoring.score(features), 1e-12);

        Path file = dir.resolve(ThreatScoring.FILE);
        scoring.write(file);
        ThreatScoring read = ThreatScoring.read(file);
        assertEquals(scoring.intercept(), read.intercept());
        assertArrayEquals(scoring.weights(), read.weights());
        assertEquals(scoring.regionThreshold(), read.regionThreshold());
    }

    @Test
    void aBrokenScoringFileIsRefusedByName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(ThreatScoring.FILE);
        String features = "\"features\": \"" + ThreatScoring.FEATURE_DESCRIPTION + "\", ";
        Files.writeString(file, "{" + features + "\"intercept\": 0, \"weights\": [1, 2], \"regionThreshold\": 0.5}", StandardCharsets.UTF_8);
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class, () -> ThreatScoring.read(file));
        assertTrue(wrongCount.getMessage().contains("3 finite weights") && wrongCount.getMessage().contains(ThreatScoring.FILE),
                wrongCount.getMessage());
        Files.writeString(file, "{" + features + "\"intercept\": 0, \"weights\": [1, 2, 3], \"regionThreshold\": 1.5}", StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> ThreatScoring.read(file));
        Files.writeString(file, "{" + features + "\"intercept\": 0, \"weights\": [1, -2, 3], \"regionThreshold\": 0.5}", StandardCharsets.UTF_8);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> ThreatScoring.read(file));
        assertTrue(negative.getMessage().contains("must not be negative"), negative.getMessage());
        Files.writeString(file, "{\"features\": \"the hottest tile\", \"intercept\": 0, \"weights\": [1, 2, 3], \"regionThreshold\": 0.5}",
                StandardCharsets.UTF_8);
        IllegalArgumentException otherFeatures = assertThrows(IllegalArgumentException.class, () -> ThreatScoring.read(file));
        assertTrue(otherFeatures.getMessage().contains("other heat-map features"), otherFeatures.getMessage());
        Files.writeString(file, "not json", StandardCharsets.UTF_8);
        IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class, () -> ThreatScoring.read(file));
        assertTrue(garbage.getMessage().contains(ThreatScoring.FILE), garbage.getMessage());
    }
}
