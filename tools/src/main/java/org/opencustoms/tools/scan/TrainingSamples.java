package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.MatScope;
import org.opencustoms.scan.analysis.ModelInputs;
import org.opencustoms.scan.analysis.NormalizedScan;
import org.opencustoms.scan.analysis.ScanNetworks;
import org.opencustoms.scan.analysis.ScanPreprocessor;

import org.opencustoms.scan.imaging.Box;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencv.core.Rect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The training examples one simulated scan gives: every tile whose central square holds a threat (and
 * its mirror image), a seeded sample of the other tiles, and the whole-container input of the empty
 * verifier.
 */
record TrainingSamples(List<float[]> tiles, List<Boolean> tileLabels, float[] container, boolean empty) {

    private static final int TILE_VALUES = ScanNetworks.TILE_CHANNELS * ScanNetworks.TILE * ScanNetworks.TILE;
    private static final int NEGATIVES_PER_POSITIVE = 3;
    private static final int NEGATIVES_PER_SCAN = 6;
    /** A tile is positive when this share of the threat (or of its central square, for big threats) lies in the square. */
    private static final double OVERLAP = 0.3;

    static TrainingSamples of(SimulatedScan scan, long seed) {
        try (MatScope scope = new MatScope()) {
            NormalizedScan normalized = ScanPreprocessor.normalize(scan.image(), scan.modality(), scan.i0(), scope);
            ModelInputs.Planes planes = ModelInputs.Planes.of(normalized);
            List<Rect> positives = new ArrayList<>();
            List<Rect> negatives = new ArrayList<>();
            for (Rect tile : ModelInputs.tiles(normalized)) {
                (holdsThreat(ModelInputs.core(tile), scan.boxes(), normalized) ? positives : negatives).add(tile);
            }
            Collections.shuffle(negatives, new Random(seed));
            int negativeCount = Math.min(negatives.size(), NEGATIVES_PER_POSITIVE * positives.size() + NEGATIVES_PER_SCAN);
            List<float[]> tiles = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            for (Rect tile : positives) {
                for (boolean mirror : new boolean[] {false, true}) {
                    tiles.add(tile(planes, tile, mirror));
                    labels.add(true);
                }
            }
            for (Rect tile : negatives.subList(0, negativeCount)) {
                tiles.add(tile(planes, tile, false));
                labels.add(false);
            }
            return new TrainingSamples(tiles, labels, ModelInputs.emptyInput(normalized, scope), scan.empty());
        }
    }

    /** Scores tiles with the model trained so far. */
    interface TileScorer {
        float[] score(ModelInputs.Planes planes, List<Rect> tiles);
    }

    /**
     * The tiles without a threat that the model trained so far mistakes most for one (at most {@code max},
     * each scoring at least {@code minScore}): the walls, frames and dense cargo that cause false alarms.
     */
    static List<float[]> hardNegatives(SimulatedScan scan, TileScorer scorer, int max, double minScore) {
        try (MatScope scope = new MatScope()) {
            NormalizedScan normalized = ScanPreprocessor.normalize(scan.image(), scan.modality(), scan.i0(), scope);
            ModelInputs.Planes planes = ModelInputs.Planes.of(normalized);
            List<Rect> negatives = new ArrayList<>();
            for (Rect tile : ModelInputs.tiles(normalized)) {
                if (!holdsThreat(ModelInputs.core(tile), scan.boxes(), normalized)) {
                    negatives.add(tile);
                }
            }
            float[] scores = scorer.score(planes, negatives);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= minScore) {
                    order.add(i);
                }
            }
            order.sort((a, b) -> Float.compare(scores[b], scores[a]));
            List<float[]> hard = new ArrayList<>();
            for (int i : order.subList(0, Math.min(max, order.size()))) {
                hard.add(tile(planes, negatives.get(i), false));
            }
            return hard;
        }
    }

    static boolean holdsThreat(Rect core, List<Box> boxes, NormalizedScan scan) {
        for (Box box : boxes) {
            double x0 = box.x() / scan.scaleX();
            double y0 = box.y() / scan.scaleY();
            double x1 = (box.x() + box.w()) / scan.scaleX();
            double y1 = (box.y() + box.h()) / scan.scaleY();
            double overlapWidth = Math.min(x1, core.x + core.width) - Math.max(x0, core.x);
            double overlapHeight = Math.min(y1, core.y + core.height) - Math.max(y0, core.y);
            if (overlapWidth <= 0 || overlapHeight <= 0) {
                continue;
            }
            double boxArea = Math.max(1e-9, (x1 - x0) * (y1 - y0));
            if (overlapWidth * overlapHeight >= OVERLAP * Math.min(boxArea, core.area())) {
                return true;
            }
        }
        return false;
    }

    private static float[] tile(ModelInputs.Planes planes, Rect tile, boolean mirror) {
        float[] values = new float[TILE_VALUES];
        planes.writeTile(tile, mirror, values, 0);
        return values;
    }
}
