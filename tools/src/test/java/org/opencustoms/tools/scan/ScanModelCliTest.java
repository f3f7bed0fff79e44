package org.opencustoms.tools.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencustoms.scan.analysis.ScanModels;
import org.opencustoms.scan.analysis.ThreatScoring;
import org.opencustoms.scan.sim.io.EvaluationSetGenerator;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulationOptions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


class ScanModelCliTest {

    @TempDir
    Path temp;

    @Test
    void evaluatePrintsMetricsPerModalityAndWritesOnePredictionPerScan() throws Exception {
        Path data = temp.resolve("set");
        new EvaluationSetGenerator(new ScanSimulator(SimulationOptions.defaults().withModality(ModalityChoice.MIXED).withScale(0.3)
                .withThreatRate(0.5).withEmptyRate(0.2))).generate(data, 99, 10, 2);
        Path predictions = temp.resolve("out/predictions.csv");

        Result result = run("evaluate", "--data", data.toString(), "--predictions", predictions.toString());

        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("\"modelVersion\": \"scan-"), result.out());
        assertTrue(result.out().contains("\"threatAuc\"") && result.out().contains("\"msPerMegapixel\""), result.out());
        assertTrue(result.out().contains("\"xray\"") || result.out().contains("\"gamma\""), result.out());
        List<String> rows = Files.readAllLines(predictions);
        assertEquals("file,threat_score,empty_score,boxes", rows.get(0));
        assertEquals(11, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            double threat = Double.parseDouble(cells[1]);
            assertTrue(threat >= 0 && threat <= 1 && cells[0].endsWith(".png"), row);
        }
    }

    @Test
    void trainWritesModelsTheEvaluationLoadsWithTheSecondStageAndTheCommand() throws Exception {
        Path models = temp.resolve("models");

        Result trained = run("train", "--out", models.toString(), "--count", "20", "--threat-epochs", "1", "--empty-epochs", "1",
                "--validation-count", "20", "--threads", "2");

        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("second stage fitted on 20 validation scans"), trained.out());
        ThreatScoring.read(models.resolve(ThreatScoring.FILE)); // written and valid
        String training = Files.readString(models.resolve("training.json"));
        assertTrue(training.contains("--count 20 --threat-epochs 1 --empty-epochs 1 --validation-count 20"), training);
        try (ScanModels loaded = ScanModels.load(models)) {
            assertTrue(training.contains("\"version\": \"" + loaded.version() + "\""), training);
        }
        Path data = temp.resolve("set");
        new EvaluationSetGenerator(new ScanSimulator(SimulationOptions.defaults().withScale(0.2).withThreatRate(0.5))).generate(data, 98, 4, 2);
        Result evaluated = run("evaluate", "--data", data.toString(), "--model", models.toString());
        assertEquals(0, evaluated.code(), evaluated.err());
    }

    @Test
    void timePrintsEachScanAndTheMillisecondsPerMegapixel() {
        Result result = run("time", "--scans", "2", "--warm-up-scans", "1", "--scale", "0.2", "--seed", "5");

        assertEquals(0, result.code(), result.err());
        List<String> scans = result.out().lines().filter(line -> line.startsWith("  scan ")).toList();
        assertEquals(2, scans.size(), result.out());
        Matcher summary = Pattern.compile("in-process: 2 scans, ([0-9.]+) MP a scan, ([0-9.]+) ms a scan, ([0-9.]+) ms/MP")
                .matcher(result.out());
        assertTrue(summary.find(), result.out());
        double megapixels = Double.parseDouble(summary.group(1));
        assertTrue(megapixels > 0.1 && megapixels < 1, "a 0.2-scale scan has a twenty-fifth of a full one's pixels: " + megapixels);
        double millisPerMegapixel = Double.parseDouble(summary.group(2)) / megapixels;
        assertEquals(millisPerMegapixel, Double.parseDouble(summary.group(3)), 0.03 * millisPerMegapixel, "megapixels are rounded to 0.01");
    }

    @Test
    void badUsageIsRefusedWithExitCodeTwo() {
        assertEquals(2, run("evaluate").code());
        assertEquals(2, run("evaluate", "--data", temp.toString(), "--colour", "red").code());
        assertEquals(2, run("train", "--out", temp.toString(), "--count", "3").code());
        assertEquals(2, run("train", "--out", temp.toString(), "--validation-count", "5").code());
        assertEquals(2, run("train", "--out", temp.toString(), "--mining-epochs", "3").code(), "the tile detector's option is gone");
        assertEquals(2, run("audit").code());
        assertEquals(2, run("time", "--scale", "1.5").code());
        assertEquals(2, run("time", "--modality", "mixed").code());
        assertEquals(2, run("time", "--scans", "0").code());
        Result noModel = run("evaluate", "--data", temp.toString(), "--model", temp.toString());
        assertEquals(2, noModel.code());
        assertTrue(noModel.err().contains("holds no trained scan models"), noModel.err());
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScanModelCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
