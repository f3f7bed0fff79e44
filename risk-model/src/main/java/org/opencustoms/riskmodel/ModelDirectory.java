package org.opencustoms.riskmodel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The files of a trained model directory. */
public final class ModelDirectory {

    public static final String BOOSTER_FILE = "model.ubj";
    public static final String ENCODERS_FILE = "encoders.json";
    public static final String MAPPING_FILE = "mapping.yaml";
    public static final String METADATA_FILE = "metadata.json";

    private ModelDirectory() {
    }

    public static void write(Path directory, TrainedModel model) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(BOOSTER_FILE), model.boosterBytes());
            Files.write(directory.resolve(ENCODERS_FILE), model.encoderBytes());
            Files.writeString(directory.resolve(MAPPING_FILE), model.mappingYaml());
            writeMetadata(directory, model.metadata());
        } catch (IOException e) {
            throw new RiskModelException("cannot write model to " + directory + ": " + e.getMessage(), e);
        }
    }

    public static void writeMetadata(Path directory, ModelMetadata metadata) throws IOException {
        Json.writePretty(directory.resolve(METADATA_FILE), metadata);
    }

    static byte[] readBytes(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RiskModelException("model file not found: " + file);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RiskModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Total size in bytes of the files in the directory. */
    public static long sizeOnDisk(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new RiskModelException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }
}
