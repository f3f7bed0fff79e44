package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.RiskModelException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes "id,score" CSV with RFC 4180 quoting of ids. */
final class ScoreFileWriter {

    private ScoreFileWriter() {
    }

    static void write(Path file, List<String> ids, double[] scores) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write("id,score\n");
                for (int i = 0; i < ids.size(); i++) {
                    writer.write(quote(ids.get(i)));
                    writer.write(',');
                    writer.write(Double.toString(scores[i]));
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            throw new RiskModelException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
