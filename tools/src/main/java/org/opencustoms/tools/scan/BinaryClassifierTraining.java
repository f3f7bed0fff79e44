package org.opencustoms.tools.scan;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/** Trains one network to a logit for a yes/no question with Adam and sigmoid cross-entropy, then saves its parameters. */
final class BinaryClassifierTraining {

    private BinaryClassifierTraining() {
    }

    /** @return the mean loss of the last epoch */
    static double train(String name, Block block, IntFunction<Shape> inputShape, List<float[]> inputs, List<Boolean> labels, int epochs,
                        int batchSize, float learningRate, long seed, Path out, PrintStream log) throws IOException {
        try (Model model = Model.newInstance(name, Device.cpu(), "PyTorch")) {
            model.setBlock(block);
            double loss = fit(model, inputShape, inputs, labels, epochs, batchSize, learningRate, seed, true, log);
            save(model, out);
            return loss;
        }
    }

    /**
     * Runs epochs of Adam over the examples on the model's block, initialising its parameters first when asked
     * (a later round continues from where the last one stopped).
     */
    static double fit(Model model, IntFunction<Shape> inputShape, List<float[]> inputs, List<Boolean> labels, int epochs, int batchSize,
                      float learningRate, long seed, boolean initialise, PrintStream log) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no training examples for " + model.getName());
        }
        String name = model.getName();
        int valuesPerInput = inputs.get(0).length;
        double lastLoss = Double.NaN;
        {
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                if (initialise) {
                    trainer.initialize(inputShape.apply(1));
                }
                Random order = new Random(seed);
                int[] indices = java.util.stream.IntStream.range(0, inputs.size()).toArray();
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    shuffle(indices, order);
                    double lossSum = 0;
                    int batches = 0;
                    for (int from = 0; from < indices.length; from += batchSize) {
                        int count = Math.min(batchSize, indices.length - from);
                        float[] x = new float[count * valuesPerInput];
                        float[] y = new float[count];
                        for (int i = 0; i < count; i++) {
                            System.arraycopy(inputs.get(indices[from + i]), 0, x, i * valuesPerInput, valuesPerInput);
                            y[i] = labels.get(indices[from + i]) ? 1f : 0f;
                        }
                        try (NDManager batch = trainer.getManager().newSubManager();
                             GradientCollector gradients = trainer.newGradientCollector()) {
                            NDArray input = batch.create(x, inputShape.apply(count));
                            NDArray label = batch.create(y, new Shape(count, 1));
                            NDArray prediction = trainer.forward(new NDList(input)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(label), new NDList(prediction));
                            gradients.backward(loss);
                            lossSum += loss.getFloat();
                            batches++;
                        }
                        trainer.step();
                    }
                    lastLoss = lossSum / batches;
                    log.printf(Locale.ROOT, "    %s epoch %d/%d: loss %.4f%n", name, epoch, epochs, lastLoss);
                }
            }
        }
        return lastLoss;
    }

    /** Saves as {@code <name>-0000.params}, replacing an earlier training's file (DJL would otherwise number it 0001). */
    static void save(Model model, Path out) throws IOException {
        model.setProperty("Epoch", "0");
        model.save(out, model.getName());
    }

    /** Fisher-Yates, from the given random stream, so a seed fixes the batch order. */
    static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
