package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.RiskModelException;
import org.opencustoms.tools.Csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes "id,score" CSV, ids quoted as RFC 4180 needs. */
final class ScoreFileWriter {

    private ScoreFileWriter() {
    }

    static void write(Path file, List<String> ids, double[] scores) {
        List<List<String>> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            rows.add(List.of(ids.get(i), Double.toString(scores[i])));
        }
        try {
            Csv.write(file, List.of("id", "score"), rows);
        } catch (IOException e) {
            throw new RiskModelException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
