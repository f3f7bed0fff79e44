package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.ColumnMapping;
import org.opencustoms.riskmodel.EvaluationReport;
import org.opencustoms.riskmodel.Json;
import org.opencustoms.riskmodel.ModelDirectory;
import org.opencustoms.riskmodel.ModelMetadata;
import org.opencustoms.riskmodel.RiskModel;
import org.opencustoms.riskmodel.RiskModelException;
import org.opencustoms.riskmodel.TrainedModel;
import org.opencustoms.riskmodel.TrainingParameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line for training, scoring and evaluating risk models. Progress and results are JSON lines on stdout;
 * errors (bad usage or bad input) are one line on stderr, "error: ...", with exit status 1.
 *
 * <pre>
 * train    --data FILE.csv [--data MORE.csv] --mapping MAPPING.yaml --out DIR [--seed N] [--validate FILE.csv]
 *          [--param name=value ...]
 * score    --model DIR --data FILE.csv --out SCORES.csv
 * evaluate --model DIR --data FILE.csv
 * </pre>
 */
public final class RiskModelCli {

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "train", Set.of("data", "mapping", "out", "seed", "validate", "param"),
            "score", Set.of("model", "data", "out"),
            "evaluate", Set.of("model", "data"));

    private final PrintStream out;

    RiskModelCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command and returns the process exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CliArguments arguments = CliArguments.parse(args, OPTIONS);
            RiskModelCli cli = new RiskModelCli(out);
            switch (arguments.command()) {
                case "train" -> cli.train(arguments);
                case "score" -> cli.score(arguments);
                default -> cli.evaluate(arguments);
            }
            return 0;
        } catch (RiskModelException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private void train(CliArguments arguments) {
        long started = System.nanoTime();
        Path mappingFile = arguments.requiredPath("mapping");
        ColumnMapping mapping = ColumnMapping.load(mappingFile);
        TrainingParameters parameters = TrainingParameters.defaults();
        String seed = arguments.optional("seed");
        if (seed != null) {
            parameters = parameters.withSeed(parseSeed(seed));
        }
        for (String parameter : arguments.all("param")) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw new RiskModelException("--param must look like name=value but is '" + parameter + "'");
            }
            parameters = parameters.with(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        Path validationFile = arguments.optional("validate") == null ? null : Path.of(arguments.optional("validate"));
        Path outDir = arguments.requiredPath("out");

        LabeledDataset data = LabeledDataset.readLabeled(arguments.requiredPaths("data"), mapping);
        LabeledDataset validation = validationFile == null
                ? null : LabeledDataset.readLabeled(List.of(validationFile), mapping);
        progress("read", Map.of("trainingRows", data.size(), "positiveRate", data.positiveRate()));

        TrainedModel trained = new RiskModelTrainer(mapping, readText(mappingFile), parameters).train(data);
        ModelDirectory.write(outDir, trained);
        ModelMetadata metadata = trained.metadata();
        progress("trained", Map.of("version", metadata.version(), "trainingSeconds", metadata.trainingSeconds()));

        if (validation != null) {
            EvaluationReport report;
            try (RiskModel model = RiskModel.load(outDir)) {
                report = Metrics.evaluate(model.scoreRows(validation.rows()), validation.labels());
            }
            metadata = metadata.withValidation(report);
            try {
                ModelDirectory.writeMetadata(outDir, metadata);
            } catch (IOException e) {
                throw new RiskModelException("cannot write metadata to " + outDir + ": " + e.getMessage(), e);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("event", "done");
        result.put("modelDirectory", outDir.toString());
        result.put("version", metadata.version());
        result.put("trainingRows", metadata.trainingRows());
        result.put("positiveRate", metadata.positiveRate());
        result.put("trainingSeconds", metadata.trainingSeconds());
        result.put("totalSeconds", Math.round((System.nanoTime() - started) / 1e6) / 1000.0);
        result.put("modelBytes", ModelDirectory.sizeOnDisk(outDir));
        result.put("hyperparameters", metadata.hyperparameters());
        if (metadata.validation() != null) {
            result.put("validation", metadata.validation());
        }
        out.println(Json.line(result));
    }

    private void score(CliArguments arguments) {
        Path outFile = arguments.requiredPath("out");
        try (RiskModel model = RiskModel.load(arguments.requiredPath("model"))) {
            LabeledDataset data = LabeledDataset.readUnlabeled(List.of(arguments.requiredPath("data")), model.mapping());
            ScoreFileWriter.write(outFile, data.ids(), model.scoreRows(data.rows()));
            progress("scored", Map.of("rows", data.size(), "version", model.version(), "out", outFile.toString()));
        }
    }

    private void evaluate(CliArguments arguments) {
        try (RiskModel model = RiskModel.load(arguments.requiredPath("model"))) {
            LabeledDataset data = LabeledDataset.readLabeled(List.of(arguments.requiredPath("data")), model.mapping());
            EvaluationReport report = Metrics.evaluate(model.scoreRows(data.rows()), data.labels());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("version", model.version());
            result.put("topRowsRounding", "ceil(k% of rows)");
            result.put("evaluation", report);
            out.println(Json.line(result));
        }
    }

    private void progress(String event, Map<String, Object> details) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        line.putAll(details);
        out.println(Json.line(line));
    }

    private static long parseSeed(String seed) {
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new RiskModelException("--seed must be an integer but is '" + seed + "'");
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new RiskModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
