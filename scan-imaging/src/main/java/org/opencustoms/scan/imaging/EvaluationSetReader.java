package org.opencustoms.scan.imaging;


import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads evaluation sets, including ones written by other tools (see {@link LabelsCsv} for what is tolerated). */
public final class EvaluationSetReader {

    private EvaluationSetReader() {
    }

    public static EvaluationSet read(Path directory) throws IOException {
        Path labels = directory.resolve(EvaluationSet.LABELS_FILE);
        if (!Files.isRegularFile(labels)) {
            throw new IOException("no " + EvaluationSet.LABELS_FILE + " in " + directory);
        }
        try (Reader reader = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            return new EvaluationSet(directory, parseLabels(reader));
        }
    }

    public static List<ScanLabel> parseLabels(Reader reader) throws IOException {
        return LabelsCsv.parse(reader);
    }
}
