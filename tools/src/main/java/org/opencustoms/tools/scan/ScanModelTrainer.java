package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.MatScope;
import org.opencustoms.scan.analysis.ModelInputs;
import org.opencustoms.scan.analysis.NormalizedScan;
import org.opencustoms.scan.analysis.ScanAnalyzer;
import org.opencustoms.scan.analysis.ScanModels;
import org.opencustoms.scan.analysis.ScanNetworks;
import org.opencustoms.scan.analysis.ScanPreprocessor;
import org.opencustoms.scan.analysis.ThreatHeatMap;
import org.opencustoms.scan.analysis.ThreatScoring;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.RandomUtils;
import org.opencv.core.Rect;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.ScanConditions;
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
 * Trains both models on simulated scans under the {@code training} acquisition conditions (dose, noise, pitch, blur,
 * gain, beam energy and scatter drawn per scan), X-ray at half resolution and gamma at full: the fully convolutional
 * threat detector on windows with pixel masks from the simulator's ground truth, then its second stage (scan score and
 * region threshold) on full-size validation scans from another seed, then the empty-container verifier on scans of its
 * own (nominal conditions, a fifth empty). Deterministic
 * in the data, the initialisation and the batch order for a seed; PyTorch's multithreaded CPU kernels may still differ
 * in the last bits between runs.
 */
public final class ScanModelTrainer {

    public record Options(long seed, int count, int threatEpochs, int emptyEpochs, int validationCount, int threads) {

        public Options {
            if (count < 20 || count > 20_000) {
                throw new IllegalArgumentException("--count takes 20 to 20000 scans, got " + count);
            }
            if (validationCount < 20 || validationCount > 5_000) {
                throw new IllegalArgumentException("--validation-count takes 20 to 5000 scans, got " + validationCount);
            }
            if (threatEpochs < 1 || emptyEpochs < 1 || threatEpochs > 200 || emptyEpochs > 200) {
                throw new IllegalArgumentException("epochs take 1 to 200");
            }
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("--threads takes 1 to 64, got " + threads);
            }
        }
    }

    /** X-ray scans are simulated at half resolution for training (the detector sees them resampled to 256 rows anyway). */
    private static final double XRAY_TRAINING_SCALE = 0.5;
    private static final double THREAT_RATE = 0.6;
    private static final double EMPTY_RATE = 0.15;
    /** The validation scans come from their own set seed, so they share no scan with the training set. */
    private static final long VALIDATION_SEED_OFFSET = 1_000_003;

    private final PrintStream log;

    public ScanModelTrainer(PrintStream log) {
        this.log = log;
    }

    public String train(Options options, Path out) throws IOException {
        Files.createDirectories(out);
        long started = System.nanoTime();
        List<ScanSimulator> training = simulators(XRAY_TRAINING_SCALE, THREAT_RATE);
        List<DetectorSamples.Window> windows = new ArrayList<>();
        for (DetectorSamples sample : parallel(options, options.count(), index -> DetectorSamples.of(training.get(index % 2),
                options.seed(), index, options.seed() * 31 + index))) {
            windows.addAll(sample.windows());
        }
        int windowCount = windows.size();
        int verifierScans = Math.max(20, options.count() / 3);
        List<ScanSimulator> verifierSimulators = verifierSimulators();
        List<float[]> containers = new ArrayList<>();
        List<Boolean> empties = new ArrayList<>();
        for (SimulatedScan scan : parallel(options, verifierScans, index -> verifierSimulators.get(index % 2).simulate(options.seed(), index))) {
            try (MatScope scope = new MatScope()) {
                containers.add(ModelInputs.emptyInput(ScanPreprocessor.normalize(scan.image(), scan.modality(), scan.i0(), scope), scope));
                empties.add(scan.empty());
            }
        }
        double simulated = (System.nanoTime() - started) / 1e9;
        log.printf(Locale.ROOT, "  %d scans simulated and preprocessed in %.1f s: %d windows for the detector; %d scans, %d of them empty,"
                + " for the verifier%n", options.count() + verifierScans, simulated, windowCount, verifierScans,
                empties.stream().filter(b -> b).count());

        Engine.getInstance().setRandomSeed((int) options.seed());
        RandomUtils.RANDOM.setSeed(options.seed());
        double threatLoss;
        ThreatScoring scoring;
        List<ScanSimulator> validation = simulators(1.0, 0.5);
        try (Model threat = Model.newInstance(ScanNetworks.THREAT_DETECTOR, Device.cpu(), "PyTorch")) {
            threat.setBlock(ScanNetworks.threatDetector());
            threatLoss = DetectorTraining.fit(threat, windows, options.threatEpochs(), 2e-3f, options.seed(), log);
            windows.clear(); // the validation scans need the memory
            BinaryClassifierTraining.save(threat, out);
            List<ThreatScoringFit.Example> examples = validationExamples(threat, validation, options);
            scoring = ThreatScoringFit.fit(examples, options.seed() + 3, log);
            scoring.write(out.resolve(ThreatScoring.FILE));
            log.printf(Locale.ROOT, "  second stage fitted on %d validation scans (%d with threats): intercept %.3f, weights %s, region threshold %.3f%n",
                    examples.size(), examples.stream().filter(ThreatScoringFit.Example::threat).count(), scoring.intercept(),
                    java.util.Arrays.toString(scoring.weights()), scoring.regionThreshold());
            for (int modality = 0; modality < 2; modality++) {
                int parity = modality;
                List<ThreatScoringFit.Example> ofModality = java.util.stream.IntStream.range(0, examples.size()).filter(i -> i % 2 == parity)
                        .mapToObj(examples::get).toList();
                double[] positives = ofModality.stream().filter(ThreatScoringFit.Example::threat).mapToDouble(e -> scoring.score(e.features())).toArray();
                double[] negatives = ofModality.stream().filter(e -> !e.threat()).mapToDouble(e -> scoring.score(e.features())).toArray();
                double threshold = DetectionMetrics.thresholdAtFalseAlarmRate(negatives, DetectionMetrics.FALSE_ALARM_RATE);
                log.printf(Locale.ROOT, "  validation %s (the scans the second stage was fitted on): threat AUC %.3f, detection at 5 %% false alarms %.3f%n",
                        modality == 0 ? "X-ray" : "gamma", DetectionMetrics.auc(positives, negatives), DetectionMetrics.detectionRate(positives, threshold));
            }
        }
        double emptyLoss = BinaryClassifierTraining.train(ScanNetworks.EMPTY_VERIFIER, ScanNetworks.emptyVerifier(),
                ScanNetworks::emptyInputShape, containers, empties, options.emptyEpochs(), 32, 2e-3f, options.seed() + 1, out, log);
        double seconds = (System.nanoTime() - started) / 1e9;

        String version = ScanModels.version(out.resolve(ScanNetworks.THREAT_DETECTOR + "-0000.params"),
                out.resolve(ScanNetworks.EMPTY_VERIFIER + "-0000.params"), out.resolve(ThreatScoring.FILE));
        Files.writeString(out.resolve("training.json"), String.format(Locale.ROOT, """
                {
                  "version": "%s",
                  "command": "bin/platform scan-model train --out %s --seed %d --count %d --threat-epochs %d --empty-epochs %d --validation-count %d",
                  "simulator": "org.opencustoms.scan.sim; detector: training conditions, X-ray at scale %.2f and gamma at full size alternating, threat rate %.2f, empty rate %.2f; second stage: validation scans full size from set seed %d, threat rate 0.5; verifier: %d scans, nominal conditions, mixed, scales 0.5 and 0.75, threat rate 0.5, empty rate 0.2",
                  "scans": %d,
                  "windows": %d,
                  "validationScans": %d,
                  "threatDetectorFinalLoss": %.5f,
                  "emptyVerifierFinalLoss": %.5f,
                  "regionThreshold": %.4f,
                  "seconds": %.1f
                }
                """, version, out, options.seed(), options.count(), options.threatEpochs(), options.emptyEpochs(), options.validationCount(),
                XRAY_TRAINING_SCALE, THREAT_RATE, EMPTY_RATE, options.seed() + VALIDATION_SEED_OFFSET, verifierScans, options.count(),
                windowCount, options.validationCount(), threatLoss, emptyLoss,
                scoring.regionThreshold(), seconds), StandardCharsets.UTF_8);
        log.printf(Locale.ROOT, "  trained %s in %.1f s; parameters in %s%n", version, seconds, out);
        return version;
    }

    /** Even indices X-ray (at the given scale), odd ones gamma (full size), both under the training conditions. */
    private static List<ScanSimulator> simulators(double xrayScale, double threatRate) {
        SimulationOptions base = SimulationOptions.defaults().withConditions(ScanConditions.TRAINING).withThreatRate(threatRate)
                .withEmptyRate(EMPTY_RATE);
        return List.of(new ScanSimulator(base.withModality(ModalityChoice.XRAY).withScale(xrayScale)),
                new ScanSimulator(base.withModality(ModalityChoice.GAMMA)));
    }

    /**
     * The empty-container verifier's scans: X-ray and gamma mixed, nominal conditions, at half and three-quarter size,
     * half with threats and a fifth empty (as it was trained before the detector moved to the training conditions: empty
     * containers are rare among the detector's scans, and the verifier needs them).
     */
    private static List<ScanSimulator> verifierSimulators() {
        SimulationOptions base = SimulationOptions.defaults().withModality(ModalityChoice.MIXED).withThreatRate(0.5).withEmptyRate(0.2);
        return List.of(new ScanSimulator(base.withScale(0.5)), new ScanSimulator(base.withScale(0.75)));
    }

    /** Simulates the validation scans (in parallel) and reads the trained detector's heat map of each (in order). */
    private List<ThreatScoringFit.Example> validationExamples(Model threat, List<ScanSimulator> simulators, Options options)
            throws IOException {
        long setSeed = options.seed() + VALIDATION_SEED_OFFSET;
        List<ThreatScoringFit.Example> examples = new ArrayList<>();
        try (Predictor<NDList, NDList> predictor = threat.newPredictor(new NoopTranslator());
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            int chunk = 16;
            for (int from = 0; from < options.validationCount(); from += chunk) {
                int size = Math.min(chunk, options.validationCount() - from);
                int first = from;
                List<SimulatedScan> scans = parallel(options, size, i -> simulators.get((first + i) % 2).simulate(setSeed, first + i));
                for (SimulatedScan scan : scans) {
                    examples.add(example(scan, predictor, manager));
                }
            }
        }
        return examples;
    }

    private static ThreatScoringFit.Example example(SimulatedScan scan, Predictor<NDList, NDList> predictor, NDManager manager) {
        try (MatScope scope = new MatScope()) {
            NormalizedScan normalized = ScanPreprocessor.normalize(scan.image(), scan.modality(), scan.i0(), scope);
            ThreatHeatMap heat = ScanAnalyzer.heatMap(predictor, manager, ModelInputs.Planes.of(normalized));
            Rect cells = heat.cellsOf(normalized.container());
            return new ThreatScoringFit.Example(heat.features(cells), heat.hottest(cells), scan.threat());
        }
    }

    private interface IndexTask<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> parallel(Options options, int count, IndexTask<T> task) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while simulating scans", e);
        } catch (ExecutionException e) {
            throw new IOException("simulating a scan failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
