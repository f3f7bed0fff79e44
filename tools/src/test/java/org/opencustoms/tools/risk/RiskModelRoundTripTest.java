package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.FeatureContribution;
import org.opencustoms.riskmodel.ModelDirectory;
import org.opencustoms.riskmodel.ModelMetadata;
import org.opencustoms.riskmodel.RiskModel;
import org.opencustoms.riskmodel.RiskModelException;
import org.opencustoms.riskmodel.Row;
import org.opencustoms.tools.Auc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskModelRoundTripTest {

    @TempDir
    static Path work;

    static Path modelDir;
    static Path heldOut;
    static String trainOutput;

    @BeforeAll
    static void trainOnSyntheticData() throws Exception {
        Path mapping = SyntheticData.writeMapping(work);
        Path train = SyntheticData.writeCsv(work.resolve("train.csv"), 3000, 1, true);
        heldOut = SyntheticData.writeCsv(work.resolve("heldout.csv"), 1000, 2, true);
        modelDir = work.resolve("model");
        Cli result = Cli.run("train", "--data", train.toString(), "--mapping", mapping.toString(),
                "--out", modelDir.toString(), "--seed", "3", "--param", "rounds=100",
                "--validate", heldOut.toString());
        assertEquals(0, result.status, result.err);
        trainOutput = result.out;
    }

    @Test
    void modelDirectoryHoldsBoosterEncodersMappingAndMetadata() throws Exception {
        for (String file : List.of(ModelDirectory.BOOSTER_FILE, ModelDirectory.ENCODERS_FILE,
                ModelDirectory.MAPPING_FILE, ModelDirectory.METADATA_FILE)) {
            assertTrue(Files.isRegularFile(modelDir.resolve(file)), file);
        }
        try (RiskModel model = RiskModel.load(modelDir)) {
            ModelMetadata metadata = model.metadata();
            assertEquals(3000, metadata.trainingRows());
            assertEquals(16, model.version().length());
            assertEquals("2024-01-01", metadata.trainingDateFrom());
            assertEquals(3L, metadata.hyperparameters().seed());
            assertTrue(metadata.validation().auc() > 0.8, "validation AUC " + metadata.validation().auc());
            assertFalse(metadata.featureNames().contains("outcome"));
        }
        assertTrue(trainOutput.contains("\"event\":\"done\""), trainOutput);
    }

    @Test
    void heldOutScoresRankTheLabelWell() throws Exception {
        Path scores = work.resolve("scores.csv");
        Cli result = Cli.run("score", "--model", modelDir.toString(), "--data", heldOut.toString(),
                "--out", scores.toString());
        assertEquals(0, result.status, result.err);

        List<String> lines = Files.readAllLines(scores);
        assertEquals("id,score", lines.get(0));
        assertEquals(1001, lines.size());
        CsvTable input = CsvReader.read(heldOut);
        double[] values = new double[1000];
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(input.row(i).value("ref"), cells[0], "scores keep input order");
            values[i] = Double.parseDouble(cells[1]);
            assertTrue(values[i] >= 0 && values[i] <= 1);
            labels[i] = Integer.parseInt(input.row(i).value("flagged"));
        }
        assertTrue(Auc.fromLabels(values, labels) > 0.8, "held-out AUC " + Auc.fromLabels(values, labels));
    }

    @Test
    void scoresFilesWithoutTheLabelColumn() throws Exception {
        Path unlabeled = SyntheticData.writeCsv(work.resolve("unlabeled.csv"), 50, 4, false);
        Path scores = work.resolve("unlabeled-scores.csv");
        Cli result = Cli.run("score", "--model", modelDir.toString(), "--data", unlabeled.toString(),
                "--out", scores.toString());
        assertEquals(0, result.status, result.err);
        assertEquals(51, Files.readAllLines(scores).size());
    }

    @Test
    void evaluatePrintsAucAndPrecision() {
        Cli result = Cli.run("evaluate", "--model", modelDir.toString(), "--data", heldOut.toString());
        assertEquals(0, result.status, result.err);
        assertTrue(result.out.contains("\"auc\""), result.out);
        assertTrue(result.out.contains("\"precisionAtPercent\""), result.out);
    }

    @Test
    void runtimeScoringMatchesBatchScoringAndExplainsItself() throws Exception {
        CsvTable table = CsvReader.read(heldOut);
        try (RiskModel model = RiskModel.load(modelDir)) {
            double[] batch = model.scoreRows(table.rows().subList(0, 20));
            for (int i = 0; i < 20; i++) {
                assertEquals(batch[i], model.score(asMap(table, i)), 1e-6);
            }
            List<FeatureContribution> top = model.topContributions(asMap(table, 0), 3);
            assertEquals(3, top.size());
            assertTrue(Math.abs(top.get(0).contribution()) >= Math.abs(top.get(1).contribution()));
            assertTrue(top.stream().anyMatch(c -> c.feature().startsWith("amount") || c.feature().startsWith("segment")),
                    top.toString());
        }
    }

    @Test
    void concurrentScoringGivesTheSameScoresAndExplanations() throws Exception {
        CsvTable table = CsvReader.read(heldOut);
        try (RiskModel model = RiskModel.load(modelDir)) {
            double[] expected = model.scoreRows(table.rows().subList(0, 200));
            List<List<FeatureContribution>> explained = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                explained.add(model.topContributions(asMap(table, i), 3));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            if (Math.abs(model.score(asMap(table, i)) - expected[i]) > 1e-6) {
                                return false;
                            }
                            if (i < 50 && !model.topContributions(asMap(table, i), 3).equals(explained.get(i))) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> result : results) {
                    assertTrue(result.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aClosedModelRefusesToScore() {
        RiskModel model = RiskModel.load(modelDir);
        model.close();
        assertThrows(IllegalStateException.class, () -> model.score(Map.of()));
    }

    @Test
    void aNonNumericValueIsRejectedAtRuntime() {
        try (RiskModel model = RiskModel.load(modelDir)) {
            RiskModelException error = assertThrows(RiskModelException.class,
                    () -> model.score(Map.of("amount", "lots")));
            assertTrue(error.getMessage().contains("column 'amount' must be numeric but is 'lots'"), error.getMessage());
        }
    }

    private static Map<String, String> asMap(CsvTable table, int index) {
        Row row = table.row(index);
        Map<String, String> values = new java.util.HashMap<>();
        for (String column : table.header()) {
            values.put(column, row.value(column));
        }
        return values;
    }

    /** Runs the CLI in-process and captures its output. */
    static final class Cli {
        final int status;
        final String out;
        final String err;

        private Cli(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }

        static Cli run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = RiskModelCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
