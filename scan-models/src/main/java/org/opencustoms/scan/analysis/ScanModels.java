package org.opencustoms.scan.analysis;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.translate.NoopTranslator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The trained threat detector (with its second stage) and empty-container verifier, loaded from a directory written by
 * {@code bin/platform scan-model train}. The version is a digest of the parameter files and the second stage, so a report
 * names exactly the weights it came from.
 */
public final class ScanModels implements AutoCloseable {

    static {
        // never reach for the network: the PyTorch natives come from the pytorch-native-cpu artifact
        System.setProperty("ai.djl.offline", "true");
    }

    private final Model threat;
    private final Model empty;
    private final ThreatScoring scoring;
    private final String version;

    private ScanModels(Model threat, Model empty, ThreatScoring scoring, String version) {
        this.threat = threat;
        this.empty = empty;
        this.scoring = scoring;
        this.version = version;
    }

    /** Where the shipped parameters are on the class path (this module's jar). */
    public static final String SHIPPED = "models/scan/";
    private static final List<String> SHIPPED_FILES = List.of("threat-detector-0000.params", "empty-verifier-0000.params", ThreatScoring.FILE,
            "training.json");

    /**
     * The parameters shipped in this module's jar, unpacked to a temporary directory because DJL loads parameters
     * from files; the copy is deleted once they are loaded.
     */
    public static ScanModels loadShipped() {
        Path unpacked;
        try {
            unpacked = Files.createTempDirectory("scan-models");
            for (String file : SHIPPED_FILES) {
                try (InputStream in = ScanModels.class.getClassLoader().getResourceAsStream(SHIPPED + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the class path holds no " + SHIPPED + file);
                    }
                    Files.copy(in, unpacked.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the shipped scan models: " + e.getMessage(), e);
        }
        try {
            return load(unpacked);
        } finally {
            deleteQuietly(unpacked);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a leftover temporary copy of 220 KB is harmless
        }
    }

    public static ScanModels load(Path directory) {
        Path threatParams = directory.resolve(ScanNetworks.THREAT_DETECTOR + "-0000.params");
        Path emptyParams = directory.resolve(ScanNetworks.EMPTY_VERIFIER + "-0000.params");
        Path scoringFile = directory.resolve(ThreatScoring.FILE);
        if (Files.isRegularFile(threatParams) && Files.isRegularFile(emptyParams) && !Files.isRegularFile(scoringFile)) {
            throw new IllegalArgumentException(directory + " holds models trained before the whole-scan detector (no " + scoringFile.getFileName()
                    + "); retrain them with bin/platform scan-model train, or leave SCAN_MODEL_DIR unset for the shipped ones");
        }
        if (!Files.isRegularFile(threatParams) || !Files.isRegularFile(emptyParams) || !Files.isRegularFile(scoringFile)) {
            throw new IllegalArgumentException(directory + " holds no trained scan models (expected " + threatParams.getFileName()
                    + ", " + emptyParams.getFileName() + " and " + scoringFile.getFileName() + ")");
        }
        ThreatScoring scoring = ThreatScoring.read(scoringFile);
        Model threat = load(directory, ScanNetworks.THREAT_DETECTOR, ScanNetworks::threatDetector);
        Model empty = load(directory, ScanNetworks.EMPTY_VERIFIER, ScanNetworks::emptyVerifier);
        return new ScanModels(threat, empty, scoring, version(threatParams, emptyParams, scoringFile));
    }

    public String version() {
        return version;
    }

    /** An analyzer with its own predictors, for one thread. */
    public ScanAnalyzer newAnalyzer() {
        return new ScanAnalyzer(threat.newPredictor(new NoopTranslator()), empty.newPredictor(new NoopTranslator()), scoring,
                NDManager.newBaseManager(Device.cpu()), version);
    }

    private static Model load(Path directory, String name, Supplier<Block> architecture) {
        Model model = Model.newInstance(name, Device.cpu(), "PyTorch");
        model.setBlock(architecture.get());
        try {
            model.load(directory, name, java.util.Map.of("epoch", "0"));
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            model.close();
            throw new IllegalArgumentException(name + " in " + directory + " does not fit its architecture: " + e.getMessage(), e);
        }
        return model;
    }

    public static String version(Path... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return "scan-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        threat.close();
        empty.close();
    }
}
