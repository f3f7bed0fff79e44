package org.opencustoms.tools.scan;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.opencustoms.scan.analysis.ScanNetworks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the fully convolutional threat detector on windows with per-cell targets: sigmoid cross-entropy on the
 * threat share of every cell (threat cells weighted up, since they are few), plus softmax cross-entropy of the class
 * logits on the cells a threat covers. Adam with a cosine-decaying rate; each window is mirrored left-right at random.
 */
final class DetectorTraining {

    static final int BATCH = 16;
    private static final float THREAT_CELL_WEIGHT = 4f;
    private static final float CLASS_LOSS_WEIGHT = 0.5f;

    private DetectorTraining() {
    }

    /** @return the mean loss of the last epoch */
    static double fit(Model model, List<DetectorSamples.Window> windows, int epochs, float learningRate, long seed, PrintStream log) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no training windows for the threat detector");
        }
        int side = DetectorSamples.WINDOW;
        int cells = DetectorSamples.CELLS;
        int batches = (windows.size() + BATCH - 1) / BATCH;
        Tracker rate = Tracker.cosine().setBaseValue(learningRate).optFinalValue(learningRate / 20).setMaxUpdates(epochs * batches).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss()) // not used: the loss is below
                .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build())
                .optDevices(new Device[] {Device.cpu()});
        double lastLoss = Double.NaN;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(ScanNetworks.threatInputShape(1, side, side));
            Random random = new Random(seed);
            int[] order = java.util.stream.IntStream.range(0, windows.size()).toArray();
            for (int epoch = 1; epoch <= epochs; epoch++) {
                BinaryClassifierTraining.shuffle(order, random);
                long started = System.nanoTime();
                double lossSum = 0;
                for (int from = 0; from < order.length; from += BATCH) {
                    int count = Math.min(BATCH, order.length - from);
                    float[] x = new float[count * DetectorSamples.INPUT_VALUES];
                    float[] y = new float[count * DetectorSamples.TARGET_VALUES];
                    for (int i = 0; i < count; i++) {
                        DetectorSamples.Window window = windows.get(order[from + i]);
                        boolean mirror = random.nextBoolean();
                        short[] in = window.input();
                        byte[] out = window.target();
                        copy(j -> in[j] / DetectorSamples.Window.INPUT_STEPS, ScanNetworks.INPUT_CHANNELS, side, mirror, x,
                                i * DetectorSamples.INPUT_VALUES);
                        copy(j -> out[j] / DetectorSamples.Window.TARGET_STEPS, ScanNetworks.OUTPUT_CHANNELS, cells, mirror, y,
                                i * DetectorSamples.TARGET_VALUES);
                    }
                    try (NDManager batch = trainer.getManager().newSubManager();
                         GradientCollector gradients = trainer.newGradientCollector()) {
                        NDArray input = batch.create(x, ScanNetworks.threatInputShape(count, side, side));
                        NDArray target = batch.create(y, new Shape(count, ScanNetworks.OUTPUT_CHANNELS, cells, cells));
                        NDArray output = trainer.forward(new NDList(input)).singletonOrThrow();
                        NDArray loss = loss(output, target);
                        gradients.backward(loss);
                        lossSum += loss.getFloat();
                    }
                    trainer.step();
                }
                lastLoss = lossSum / batches;
                log.printf(Locale.ROOT, "    %s epoch %d/%d: loss %.4f (%.0f s)%n", model.getName(), epoch, epochs, lastLoss,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        return lastLoss;
    }

    static NDArray loss(NDArray output, NDArray target) {
        NDArray logit = output.get(":, 0:1, :, :");
        NDArray share = target.get(":, 0:1, :, :");
        // sigmoid cross-entropy from logits, stable for large |logit|: max(x, 0) - x t + ln(1 + e^-|x|)
        NDArray crossEntropy = logit.maximum(0f).sub(logit.mul(share)).add(logit.abs().neg().exp().add(1f).log());
        NDArray threatLoss = crossEntropy.mul(share.mul(THREAT_CELL_WEIGHT - 1).add(1f)).mean();
        NDArray classShares = target.get(":, 1:, :, :");
        NDArray classLoss = output.get(":, 1:, :, :").logSoftmax(1).mul(classShares).sum().neg().div(classShares.sum().add(1f));
        return threatLoss.add(classLoss.mul(CLASS_LOSS_WEIGHT));
    }

    private interface Values {
        float at(int index);
    }

    /** Copies planes of side x side values, mirrored left-right when asked. */
    private static void copy(Values source, int planes, int side, boolean mirror, float[] target, int offset) {
        for (int p = 0; p < planes; p++) {
            for (int row = 0; row < side; row++) {
                int base = p * side * side + row * side;
                for (int col = 0; col < side; col++) {
                    target[offset + base + col] = source.at(base + (mirror ? side - 1 - col : col));
                }
            }
        }
    }
}
