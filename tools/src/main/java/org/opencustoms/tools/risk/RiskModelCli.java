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

import org.opencustoms.tools.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
@Command(name = "bin/platform risk-model", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Trains, scores with and evaluates the risk model (XGBoost); progress and results are JSON lines.",
        subcommands = {RiskModelCli.Train.class, RiskModelCli.Score.class, RiskModelCli.Evaluate.class})
public final class RiskModelCli implements Runnable {

    private final PrintStream out;

    @Spec
    CommandSpec spec;

    RiskModelCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command and returns the process exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = CommandLines.create(new RiskModelCli(out), out, err);
        // one line, exit status 1, as for bad input
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandSpec command = e.getCommandLine().getCommandSpec();
            String unknown = CommandLines.unknownOption(e);
            String message = unknown != null
                    ? "unknown option '" + unknown + "' for " + command.name() + ": expected " + CommandLines.optionNames(command)
                    : CommandLines.describe(e, arguments);
            err.println("error: " + message + " (see " + command.qualifiedName() + " --help)");
            return 1;
        });
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof RiskModelException) {
                err.println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: expected " + CommandLines.commandNames(spec));
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Trains a model on labelled CSV files and writes it to a new directory.")
    static final class Train implements Runnable {

        @ParentCommand
        RiskModelCli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "FILE.csv",
                description = "labelled rows to train on; repeat for more files")
        List<Path> data;

        @Option(names = "--mapping", required = true, paramLabel = "MAPPING.yaml",
                description = "the column mapping: id, label, date, categorical and numeric columns")
        Path mapping;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory the model is written to")
        Path out;

        @Option(names = "--seed", paramLabel = "N", description = "random seed (default ${DEFAULT-VALUE})")
        long seed = TrainingParameters.defaults().seed();

        @Option(names = "--validate", paramLabel = "FILE.csv",
                description = "labelled rows to evaluate the trained model on; the metrics go into its metadata")
        Path validate;

        @Option(names = "--param", paramLabel = "NAME=VALUE",
                description = "a training parameter, e.g. rounds=100 or max_depth=6; repeatable")
        List<String> params = new ArrayList<>();

        @Override
        public void run() {
            TrainingParameters parameters = TrainingParameters.defaults().withSeed(seed);
            for (String parameter : params) {
                int equals = parameter.indexOf('=');
                if (equals <= 0) {
                    throw new ParameterException(spec.commandLine(),
                            "--param must look like name=value but is '" + parameter + "'");
                }
                parameters = parameters.with(parameter.substring(0, equals), parameter.substring(equals + 1));
            }
            cli.train(data, mapping, out, validate, parameters);
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Scores the rows of a CSV file (labelled or not) and writes id,score in input order.")
    static final class Score implements Runnable {

        @ParentCommand
        RiskModelCli cli;

        @Option(names = "--model", required = true, paramLabel = "DIR", description = "a trained model's directory")
        Path model;

        @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "the rows to score")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "SCORES.csv", description = "the scores file to write")
        Path out;

        @Override
        public void run() {
            cli.score(model, data, out);
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Prints a model's AUC and precision at the top k%% of labelled rows.")
    static final class Evaluate implements Runnable {

        @ParentCommand
        RiskModelCli cli;

        @Option(names = "--model", required = true, paramLabel = "DIR", description = "a trained model's directory")
        Path model;

        @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "labelled rows")
        Path data;

        @Override
        public void run() {
            cli.evaluate(model, data);
        }
    }

    private void train(List<Path> dataFiles, Path mappingFile, Path outDir, Path validationFile,
                       TrainingParameters parameters) {
        long started = System.nanoTime();
        ColumnMapping mapping = ColumnMapping.load(mappingFile);

        LabeledDataset data = LabeledDataset.readLabeled(dataFiles, mapping);
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

    private void score(Path modelDir, Path dataFile, Path outFile) {
        try (RiskModel model = RiskModel.load(modelDir)) {
            LabeledDataset data = LabeledDataset.readUnlabeled(List.of(dataFile), model.mapping());
            ScoreFileWriter.write(outFile, data.ids(), model.scoreRows(data.rows()));
            progress("scored", Map.of("rows", data.size(), "version", model.version(), "out", outFile.toString()));
        }
    }

    private void evaluate(Path modelDir, Path dataFile) {
        try (RiskModel model = RiskModel.load(modelDir)) {
            LabeledDataset data = LabeledDataset.readLabeled(List.of(dataFile), model.mapping());
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

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new RiskModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
