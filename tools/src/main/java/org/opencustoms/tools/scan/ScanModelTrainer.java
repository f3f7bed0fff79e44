package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.ScanAnalyzer;
import org.opencustoms.scan.analysis.ScanModels;
import org.opencustoms.scan.analysis.ScanNetworks;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.RandomUtils;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencustoms.scan.sim.SimulationOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains both models on simulated scans: X-ray and gamma, half of them with projected threats, a fifth
 * empty, at two resolutions so the models do not learn one pixel size. With mining epochs the threat
 * detector trains a second round on the clean tiles the first mistook for threats (hard negative
 * mining), since a scan's score is its highest tile and a few confident false alarms decide it. Deterministic in the data, the
 * initialisation and the batch order for a seed; PyTorch's multithreaded CPU kernels may still differ
 * in the last bits between runs.
 */
public final class ScanModelTrainer {

    /**
     * @param threatEpochs epochs of the threat detector's first round
     * @param miningEpochs epochs of its second round, after the hardest false alarms of the first are added
     */
    public record Options(long seed, int count, int threatEpochs, int miningEpochs, int emptyEpochs, int threads) {

        public Options {
            if (count < 20 || count > 20_000) {
                throw new IllegalArgumentException("--count takes 20 to 20000 scans, got " + count);
            }
            if (threatEpochs < 1 || emptyEpochs < 1 || miningEpochs < 0 || threatEpochs > 200 || emptyEpochs > 200 || miningEpochs > 200) {
                throw new IllegalArgumentException("epochs take 1 to 200");
            }
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("--threads takes 1 to 64, got " + threads);
            }
        }
    }

    private static final double[] SCALES = {0.5, 0.75};
    private static final int HARD_NEGATIVES_PER_SCAN = 4;
    private static final double HARD_NEGATIVE_SCORE = 0.5;

    private final PrintStream log;

    public ScanModelTrainer(PrintStream log) {
        this.log = log;
    }

    public String train(Options options, Path out) throws IOException {
        Files.createDirectories(out);
        long started = System.nanoTime();
        List<TrainingSamples> samples = simulate(options);
        List<float[]> tiles = new ArrayList<>();
        List<Boolean> tileLabels = new ArrayList<>();
        List<float[]> containers = new ArrayList<>();
        List<Boolean> empties = new ArrayList<>();
        for (TrainingSamples sample : samples) {
            tiles.addAll(sample.tiles());
            tileLabels.addAll(sample.tileLabels());
            containers.add(sample.container());
            empties.add(sample.empty());
        }
        long positives = tileLabels.stream().filter(b -> b).count();
        double simulated = (System.nanoTime() - started) / 1e9;
        log.printf(Locale.ROOT, "  %d scans simulated and preprocessed in %.1f s: %d tiles (%d with a threat), %d empty containers%n",
                samples.size(), simulated, tiles.size(), positives, empties.stream().filter(b -> b).count());

        Engine.getInstance().setRandomSeed((int) options.seed());
        RandomUtils.RANDOM.setSeed(options.seed());
        double threatLoss;
        int hardNegatives = 0;
        try (Model threat = Model.newInstance(ScanNetworks.THREAT_DETECTOR, Device.cpu(), "PyTorch")) {
            threat.setBlock(ScanNetworks.threatDetector());
            threatLoss = BinaryClassifierTraining.fit(threat, ScanNetworks::threatInputShape, tiles, tileLabels, options.threatEpochs(), 64,
                    1e-3f, options.seed(), true, log);
            if (options.miningEpochs() > 0) {
                List<float[]> hard = mineHardNegatives(threat, options);
                hardNegatives = hard.size();
                log.printf(Locale.ROOT, "  %d hard negatives (clean tiles the first round scored %.1f or more) added%n", hard.size(),
                        HARD_NEGATIVE_SCORE);
                tiles.addAll(hard);
                hard.forEach(tile -> tileLabels.add(false));
                threatLoss = BinaryClassifierTraining.fit(threat, ScanNetworks::threatInputShape, tiles, tileLabels, options.miningEpochs(), 64,
                        5e-4f, options.seed() + 2, false, log);
            }
            BinaryClassifierTraining.save(threat, out);
        }
        double emptyLoss = BinaryClassifierTraining.train(ScanNetworks.EMPTY_VERIFIER, ScanNetworks.emptyVerifier(),
                ScanNetworks::emptyInputShape, containers, empties, options.emptyEpochs(), 32, 2e-3f, options.seed() + 1, out, log);
        double seconds = (System.nanoTime() - started) / 1e9;

        String version = ScanModels.version(out.resolve(ScanNetworks.THREAT_DETECTOR + "-0000.params"),
                out.resolve(ScanNetworks.EMPTY_VERIFIER + "-0000.params"));
        Files.writeString(out.resolve("training.json"), String.format(Locale.ROOT, """
                {
                  "version": "%s",
                  "command": "bin/platform scan-model train --out %s --seed %d --count %d --threat-epochs %d --mining-epochs %d --empty-epochs %d",
                  "simulator": "org.opencustoms.scan.sim, mixed X-ray and gamma, threat rate 0.5, empty rate 0.2, scales 0.5 and 0.75",
                  "scans": %d,
                  "tiles": %d,
                  "threatTiles": %d,
                  "hardNegatives": %d,
                  "threatDetectorFinalLoss": %.5f,
                  "emptyVerifierFinalLoss": %.5f,
                  "seconds": %.1f
                }
                """, version, out, options.seed(), options.count(), options.threatEpochs(), options.miningEpochs(),
                options.emptyEpochs(), samples.size(), tiles.size(), positives, hardNegatives, threatLoss, emptyLoss, seconds), StandardCharsets.UTF_8);
        log.printf(Locale.ROOT, "  trained %s in %.1f s; parameters in %s%n", version, seconds, out);
        return version;
    }

    private List<TrainingSamples> simulate(Options options) throws IOException {
        List<ScanSimulator> simulators = simulators();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<TrainingSamples>> futures = new ArrayList<>();
            for (int i = 0; i < options.count(); i++) {
                int index = i;
                ScanSimulator simulator = simulators.get(i % simulators.size());
                futures.add(pool.submit(() -> TrainingSamples.of(simulator.simulate(options.seed(), index), options.seed() * 31 + index)));
            }
            List<TrainingSamples> samples = new ArrayList<>();
            for (Future<TrainingSamples> future : futures) {
                samples.add(future.get());
            }
            return samples;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while simulating training scans", e);
        } catch (ExecutionException e) {
            throw new IOException("simulating a training scan failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ScanSimulator> simulators() {
        List<ScanSimulator> simulators = new ArrayList<>();
        for (double scale : SCALES) {
            simulators.add(new ScanSimulator(SimulationOptions.defaults().withModality(ModalityChoice.MIXED).withThreatRate(0.5)
                    .withEmptyRate(0.2).withScale(scale)));
        }
        return simulators;
    }

    /** Simulates the training scans again and scores every clean tile with the first-round model. */
    private static List<float[]> mineHardNegatives(Model threat, Options options) throws IOException {
        List<ScanSimulator> simulators = simulators();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        List<float[]> hard = new ArrayList<>();
        try (Predictor<NDList, NDList> predictor = threat.newPredictor(new NoopTranslator());
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TrainingSamples.TileScorer scorer = (planes, tiles) -> ScanAnalyzer.tileScores(predictor, manager, planes, tiles);
            int chunk = 32;
            for (int from = 0; from < options.count(); from += chunk) {
                List<Future<SimulatedScan>> scans = new ArrayList<>();
                for (int i = from; i < Math.min(options.count(), from + chunk); i++) {
                    int index = i;
                    scans.add(pool.submit(() -> simulators.get(index % simulators.size()).simulate(options.seed(), index)));
                }
                for (Future<SimulatedScan> scan : scans) {
                    hard.addAll(TrainingSamples.hardNegatives(scan.get(), scorer, HARD_NEGATIVES_PER_SCAN, HARD_NEGATIVE_SCORE));
                }
            }
            return hard;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while mining hard negatives", e);
        } catch (ExecutionException e) {
            throw new IOException("simulating a training scan failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
