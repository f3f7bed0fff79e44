package org.opencustoms.scan.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.opencustoms.scan.analysis.ScanModels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The models the workers run: {@code scan.analysis.model-dir} when set, else the parameters shipped in
 * the jar (copied from {@code models/scan} at build time), unpacked to a temporary directory because
 * DJL loads parameters from files.
 */
@ApplicationScoped
public class ScanModelsProducer {

    static final String BUNDLED = "models/scan/";
    static final List<String> BUNDLED_FILES = List.of("threat-detector-0000.params", "empty-verifier-0000.params", "training.json");

    @Produces
    @ApplicationScoped
    ScanModels scanModels(AnalysisConfig config) {
        if (config.modelDir().isPresent()) {
            return ScanModels.load(config.modelDir().get());
        }
        Path unpacked = unpackBundled();
        try {
            return ScanModels.load(unpacked);
        } finally {
            deleteQuietly(unpacked);
        }
    }

    void close(@Disposes ScanModels models) {
        models.close();
    }

    private static Path unpackBundled() {
        try {
            Path directory = Files.createTempDirectory("scan-models");
            for (String file : BUNDLED_FILES) {
                try (InputStream in = ScanModelsProducer.class.getClassLoader().getResourceAsStream(BUNDLED + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the jar holds no " + BUNDLED + file + "; set scan.analysis.model-dir (SCAN_MODEL_DIR)");
                    }
                    Files.copy(in, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the shipped scan models: " + e.getMessage(), e);
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
}
