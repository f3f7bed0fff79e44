package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.MatScope;
import org.opencustoms.scan.analysis.ModelInputs;
import org.opencustoms.scan.analysis.NormalizedScan;
import org.opencustoms.scan.analysis.ScanNetworks;
import org.opencustoms.scan.analysis.ScanPreprocessor;
import org.opencustoms.scan.analysis.ThreatClass;
import org.opencustoms.scan.sim.SceneRenderer;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencustoms.scan.sim.physics.AttenuationAccumulator;
import org.opencustoms.scan.sim.threats.PlacedThreat;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training examples one simulated scan gives: windows of the normalized scan with, per detector cell, the share
 * of the cell a projected threat covers and the share each threat class covers (the pixel masks come from the
 * simulator's ground truth: each threat's own attenuation, rendered alone). Windows are centred on each threat (twice, each with the same window of the scan simulated without
 * its threats) and drawn at random inside the container (three a scan); every clean pixel of every window is a negative.
 */
record DetectorSamples(List<Window> windows) {

    /** Side of a training window, in normalized pixels; a multiple of the detector's stride. */
    static final int WINDOW = 128;
    static final int CELLS = WINDOW / ScanNetworks.OUTPUT_STRIDE;
    static final int INPUT_VALUES = ScanNetworks.INPUT_CHANNELS * WINDOW * WINDOW;
    static final int TARGET_VALUES = ScanNetworks.OUTPUT_CHANNELS * CELLS * CELLS;
    /** A normalized pixel belongs to a threat where the threat alone attenuates at least this much. */
    static final double MASK_ATTENUATION = 0.04;
    private static final int WINDOWS_PER_THREAT = 2;
    private static final int RANDOM_WINDOWS = 3;

    /**
     * One example, stored compactly (tens of thousands are held while training, and a heap near full leaves the
     * garbage collector's concurrent marking competing with PyTorch for the cores).
     *
     * @param input  the detector's input, channels x WINDOW x WINDOW, in steps of 1/{@value #INPUT_STEPS}
     * @param target per cell (CELLS x CELLS planes): the threat share, then each {@link ThreatClass}'s share, in
     *               sixteenths (a cell is 4 x 4 pixels)
     */
    record Window(short[] input, byte[] target) {

        static final float INPUT_STEPS = 8192f;
        static final float TARGET_STEPS = 16f;

        static Window of(float[] input, float[] target) {
            short[] inputSteps = new short[input.length];
            for (int i = 0; i < input.length; i++) {
                inputSteps[i] = (short) Math.round(input[i] * INPUT_STEPS);
            }
            byte[] targetSteps = new byte[target.length];
            for (int i = 0; i < target.length; i++) {
                targetSteps[i] = (byte) Math.round(target[i] * TARGET_STEPS);
            }
            return new Window(inputSteps, targetSteps);
        }
    }

    static DetectorSamples of(ScanSimulator simulator, long setSeed, int index, long seed) {
        SimulatedScan scan = simulator.simulate(setSeed, index);
        ScanSimulator.Plan plan = simulator.plan(setSeed, index);
        SplittableRandom random = new SplittableRandom(seed);
        try (MatScope scope = new MatScope()) {
            NormalizedScan normalized = ScanPreprocessor.normalize(scan.image(), scan.modality(), scan.i0(), scope);
            ModelInputs.Planes planes = ModelInputs.Planes.of(normalized);
            int cellsWide = ModelInputs.paddedWidth(planes.width()) / ScanNetworks.OUTPUT_STRIDE;
            int cellsHigh = planes.height() / ScanNetworks.OUTPUT_STRIDE;
            List<byte[]> threatMasks = new ArrayList<>();
            float[][] classShares = new float[ThreatClass.values().length][cellsWide * cellsHigh];
            for (PlacedThreat threat : plan.scene().threats()) {
                byte[] mask = normalizedMask(threat, plan, normalized, scope);
                threatMasks.add(mask);
                addShares(mask, planes.width(), planes.height(), classShares[ThreatClasses.of(threat.kind()).ordinal()], cellsWide);
            }
            float[] target = targetPlanes(classShares, cellsWide * cellsHigh);
            List<Window> windows = new ArrayList<>();
            ModelInputs.Planes twin = threatMasks.isEmpty() ? null : cleanTwin(simulator, setSeed, index, normalized, scope);
            float[] clean = new float[target.length];
            for (byte[] mask : threatMasks) {
                int[] pixels = setPixels(mask);
                for (int i = 0; i < WINDOWS_PER_THREAT && pixels.length > 0; i++) {
                    int pixel = pixels[random.nextInt(pixels.length)];
                    int x = pixel % planes.width() + random.nextInt(-WINDOW / 3, WINDOW / 3 + 1) - WINDOW / 2;
                    int y = pixel / planes.width() + random.nextInt(-WINDOW / 3, WINDOW / 3 + 1) - WINDOW / 2;
                    windows.add(window(planes, target, cellsWide, cellsHigh, x, y));
                    windows.add(window(twin, clean, cellsWide, cellsHigh, x, y));
                }
            }
            Rect container = normalized.container();
            for (int i = 0; i < RANDOM_WINDOWS; i++) {
                int x = container.x + random.nextInt(Math.max(1, container.width - WINDOW / 2)) - WINDOW / 4;
                int y = container.y + random.nextInt(Math.max(1, container.height - WINDOW / 2)) - WINDOW / 4;
                windows.add(window(planes, target, cellsWide, cellsHigh, x, y));
            }
            return new DetectorSamples(windows);
        }
    }

    /**
     * The same scan without its threats (same container, cargo and noise stream), normalized to the same size: its windows
     * where the threats were are the hardest negatives there are, since only the threat tells them apart.
     */
    private static ModelInputs.Planes cleanTwin(ScanSimulator simulator, long setSeed, int index, NormalizedScan withThreats,
                                                MatScope scope) {
        SimulatedScan twin = new ScanSimulator(simulator.options().withThreatProjection(false)).simulate(setSeed, index);
        NormalizedScan normalized = ScanPreprocessor.normalize(twin.image(), twin.modality(), twin.i0(), scope);
        if (normalized.width() != withThreats.width() || normalized.height() != withThreats.height()) {
            throw new IllegalStateException("the clean twin of scan " + index + " has another size");
        }
        return ModelInputs.Planes.of(normalized);
    }

    /** The threat's own attenuation (first beam), resampled like the scan, as a mask of the pixels it visibly darkens. */
    private static byte[] normalizedMask(PlacedThreat threat, ScanSimulator.Plan plan, NormalizedScan normalized, MatScope scope) {
        var grid = plan.setup().grid();
        AttenuationAccumulator accumulator = new AttenuationAccumulator(grid, plan.setup().beams().subList(0, 1));
        SceneRenderer.draw(threat.solids(), grid, accumulator);
        Mat full = scope.track(new Mat(grid.height(), grid.width(), CvType.CV_32F));
        full.put(0, 0, accumulator.channel(0));
        Mat resized = scope.newMat();
        double scale = (double) grid.height() / normalized.height();
        Imgproc.resize(full, resized, new Size(normalized.width(), normalized.height()), 0, 0,
                scale >= 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        float[] values = new float[normalized.width() * normalized.height()];
        resized.get(0, 0, values);
        byte[] mask = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = values[i] >= MASK_ATTENUATION ? (byte) 1 : 0;
        }
        return mask;
    }

    /** Adds, per detector cell, the share of its pixels the mask covers. */
    private static void addShares(byte[] mask, int width, int height, float[] shares, int cellsWide) {
        int stride = ScanNetworks.OUTPUT_STRIDE;
        float pixelShare = 1f / (stride * stride);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] != 0) {
                    int cell = (y / stride) * cellsWide + x / stride;
                    shares[cell] = Math.min(1f, shares[cell] + pixelShare);
                }
            }
        }
    }

    /** The threat share (the classes' union, capped at 1) followed by each class's share. */
    private static float[] targetPlanes(float[][] classShares, int cells) {
        float[] target = new float[cells * ScanNetworks.OUTPUT_CHANNELS];
        for (int k = 0; k < classShares.length; k++) {
            System.arraycopy(classShares[k], 0, target, (k + 1) * cells, cells);
            for (int i = 0; i < cells; i++) {
                target[i] = Math.min(1f, target[i] + classShares[k][i]);
            }
        }
        return target;
    }

    private static int[] setPixels(byte[] mask) {
        int count = 0;
        for (byte b : mask) {
            count += b;
        }
        int[] pixels = new int[count];
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                pixels[n++] = i;
            }
        }
        return pixels;
    }

    /** The window at (x, y), moved onto the stride grid and as far inside the scan as it fits. */
    private static Window window(ModelInputs.Planes planes, float[] target, int cellsWide, int cellsHigh, int x, int y) {
        int stride = ScanNetworks.OUTPUT_STRIDE;
        int cellX = Math.max(0, Math.min(cellsWide - CELLS, Math.floorDiv(x, stride)));
        int cellY = Math.max(0, Math.min(cellsHigh - CELLS, Math.floorDiv(y, stride)));
        float[] input = new float[INPUT_VALUES];
        planes.write(new Rect(cellX * stride, cellY * stride, WINDOW, WINDOW), false, input, 0);
        int cells = cellsWide * cellsHigh;
        float[] windowTarget = new float[TARGET_VALUES];
        for (int c = 0; c < ScanNetworks.OUTPUT_CHANNELS; c++) {
            for (int row = 0; row < CELLS; row++) {
                int sourceRow = cellY + row;
                if (sourceRow >= cellsHigh) {
                    break;
                }
                for (int col = 0; col < CELLS; col++) {
                    int sourceCol = cellX + col;
                    if (sourceCol < cellsWide) {
                        windowTarget[c * CELLS * CELLS + row * CELLS + col] = target[c * cells + sourceRow * cellsWide + sourceCol];
                    }
                }
            }
        }
        return Window.of(input, windowTarget);
    }
}
