package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.ScanModels;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.SimulationOptions;
import org.opencustoms.tools.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Command line: {@code train --out DIR [--seed S] [--count N] ...},
 * {@code evaluate --data DIR [--model DIR] [--predictions OUT.csv]} and {@code time [--scale F] [--scans N] ...}. Exit codes: 0 done, 1 failed, 2 bad usage
 * (a model directory without models included).
 */
@Command(name = "bin/platform scan-model", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Trains and evaluates the scan models: the threat detector and the empty-container verifier.",
        subcommands = {ScanModelCli.Train.class, ScanModelCli.Evaluate.class, ScanModelCli.Time.class})
public final class ScanModelCli implements Runnable {

    /** The display rendition's width, scan-analysis-service's default. */
    private static final int RENDITION_WIDTH = 2048;

    private final PrintStream out;

    @Spec
    CommandSpec spec;

    private ScanModelCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = CommandLines.create(new ScanModelCli(out), out, err);
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IllegalArgumentException) { // a value the work refused, such as a directory without models
                err.println("error: " + e.getMessage());
                command.usage(command.getErr());
                return CommandLines.USAGE_ERROR;
            }
            err.println("error: " + command.getCommandName() + " failed: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: expected " + CommandLines.commandNames(spec));
    }

    private static void requireIn(CommandSpec spec, String option, int value, int low, int high) {
        if (value < low || value > high) {
            throw new ParameterException(spec.commandLine(), option + " must be " + low + " to " + high + ", got " + value);
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Simulates scans, trains the threat detector and the empty-container verifier on them, "
                    + "and writes their parameters to a directory.")
    static final class Train implements Callable<Integer> {

        @ParentCommand
        ScanModelCli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory the models are written to")
        Path out;

        @Option(names = "--seed", paramLabel = "S", description = "simulator and training seed (default ${DEFAULT-VALUE})")
        long seed = 7;

        @Option(names = "--count", paramLabel = "N", description = "scans simulated, 20 to 20000 (default ${DEFAULT-VALUE})")
        int count = 2800;

        @Option(names = "--threat-epochs", paramLabel = "E",
                description = "threat detector epochs, 1 to 200 (default ${DEFAULT-VALUE})")
        int threatEpochs = 24;

        @Option(names = "--validation-count", paramLabel = "N",
                description = "full-size validation scans the second stage is fitted on, 20 to 5000 (default ${DEFAULT-VALUE})")
        int validationCount = 300;

        @Option(names = "--empty-epochs", paramLabel = "E",
                description = "empty-container verifier epochs, 1 to 200 (default ${DEFAULT-VALUE})")
        int emptyEpochs = 25;

        @Option(names = "--threads", paramLabel = "T",
                description = "threads, 1 to 64 (default: the number of processors, ${DEFAULT-VALUE} here)")
        int threads = Math.min(64, Runtime.getRuntime().availableProcessors());

        @Override
        public Integer call() throws Exception {
            requireIn(spec, "--count", count, 20, 20_000);
            requireIn(spec, "--threat-epochs", threatEpochs, 1, 200);
            requireIn(spec, "--validation-count", validationCount, 20, 5_000);
            requireIn(spec, "--empty-epochs", emptyEpochs, 1, 200);
            requireIn(spec, "--threads", threads, 1, 64);
            new ScanModelTrainer(cli.out).train(
                    new ScanModelTrainer.Options(seed, count, threatEpochs, emptyEpochs, validationCount, threads), out);
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Runs the models over an evaluation set (16-bit PNGs and labels.csv) and prints JSON metrics "
                    + "per modality.")
    static final class Evaluate implements Callable<Integer> {

        @ParentCommand
        ScanModelCli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "the evaluation set's directory")
        Path data;

        @Option(names = "--model", paramLabel = "DIR",
                description = "the models' directory (default: the shipped ones)")
        Path model;

        @Option(names = "--predictions", paramLabel = "OUT.csv", description = "also write each scan's scores and boxes")
        Path predictions;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(data)) {
                throw new ParameterException(spec.commandLine(), "--data " + data + " is not a directory");
            }
            try (ScanModels models = model == null ? ScanModels.loadShipped() : ScanModels.load(model)) {
                cli.out.println(new ScanModelEvaluator(models).evaluate(data, predictions).toJson());
            }
            return 0;
        }
    }

    @Command(name = "time", mixinStandardHelpOptions = true,
            description = "Times the service's analysis pipeline in-process (models, OpenCV and the display rendition) on the "
                    + "scans bin/platform scanner-sim streams with the same seed and scale; the floor of bin/platform bench analysis.")
    static final class Time implements Callable<Integer> {

        private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

        @ParentCommand
        ScanModelCli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--modality", paramLabel = "M", description = "xray (default) or gamma")
        ModalityChoice modality = ModalityChoice.XRAY;

        @Option(names = "--scale", paramLabel = "F", description = "scan size relative to full resolution, above 0 up to 1 (default 1)")
        double scale = 1.0;

        @Option(names = "--scans", paramLabel = "N", description = "scans timed, 1 to 1000 (default ${DEFAULT-VALUE})")
        int scans = 8;

        @Option(names = "--warm-up-scans", paramLabel = "N",
                description = "unmeasured full-resolution scans first, 0 to 200 (default ${DEFAULT-VALUE})")
        int warmUpScans = 5;

        @Option(names = "--seed", paramLabel = "S", description = "simulator seed (default ${DEFAULT-VALUE})")
        long seed = 1;

        @Option(names = "--torch-threads", paramLabel = "T",
                description = "PyTorch's threads, 1 to 64 (default ${DEFAULT-VALUE}: what each of the service's workers has by default, "
                        + "the cores shared among one worker a core)")
        int torchThreads = 1;

        @Override
        public Integer call() {
            if (modality == ModalityChoice.MIXED) {
                throw new ParameterException(spec.commandLine(), "--modality must be xray or gamma");
            }
            if (!(scale > 0 && scale <= 1)) {
                throw new ParameterException(spec.commandLine(), "--scale must be above 0 and at most 1, got " + scale);
            }
            requireIn(spec, "--scans", scans, 1, 1_000);
            requireIn(spec, "--warm-up-scans", warmUpScans, 0, 200);
            requireIn(spec, "--torch-threads", torchThreads, 1, 64);
            System.setProperty(TORCH_THREADS, Integer.toString(torchThreads)); // before the engine starts, which reads it once
            SimulationOptions simulation = SimulationOptions.defaults().withModality(modality).withScale(scale);
            try (ScanModels models = ScanModels.loadShipped()) {
                new AnalysisTiming(cli.out).run(models, new AnalysisTiming.Options(simulation, seed, scans, warmUpScans, RENDITION_WIDTH));
            }
            return 0;
        }
    }
}
