package org.opencustoms.tools.sim;

import org.opencustoms.scan.imaging.EvaluationSet;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.ScanConditions;
import org.opencustoms.scan.sim.SimulationOptions;
import org.opencustoms.scan.sim.io.EvaluationSetGenerator;
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
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Command line: {@code generate --out DIR --count N --seed S [--modality xray|gamma|mixed]
 * [--threat-rate R] [--empty-rate R] [--scale F] [--dual-energy] [--threads T]}.
 * Exit codes: 0 done, 1 failed while generating, 2 bad usage.
 */
@Command(name = "bin/platform scan-sim", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "The cargo scan simulator: writes evaluation sets of 16-bit PNG scans and their labels.",
        subcommands = ScanSimCli.Generate.class)
public final class ScanSimCli implements Runnable {

    static final int MAX_COUNT = 10_000_000;
    static final int MAX_THREADS = 64;

    private final PrintStream out;

    @Spec
    CommandSpec spec;

    private ScanSimCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = CommandLines.create(new ScanSimCli(out), out, err);
        CommandLine generate = commandLine.getSubcommands().get("generate");
        // generate is the only command: its usage is the one that helps
        commandLine.setParameterExceptionHandler((e, arguments) -> CommandLines.usageError(e, arguments, generate));
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println("error: generation failed: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command (the only command is generate)");
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Simulates scans and writes them with labels.csv to a new directory; "
                    + "the same seed and options give identical files.",
            customSynopsis = {
                "generate --out DIR --count N --seed S [--modality xray|gamma|mixed]",
                "                [--threat-rate R] [--empty-rate R] [--scale F] [--dual-energy]",
                "                [--conditions nominal|training|shifted] [--threads T]"})
    static final class Generate implements Callable<Integer> {

        @ParentCommand
        ScanSimCli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "new directory for the PNG files and labels.csv")
        Path out;

        @Option(names = "--count", required = true, paramLabel = "N", description = "number of scans, 1 to 10000000")
        int count;

        @Option(names = "--seed", required = true, paramLabel = "S",
                description = "master seed (a whole number); same seed and options give identical files")
        long seed;

        @Option(names = "--modality", paramLabel = "M", description = "xray (default), gamma or mixed")
        ModalityChoice modality = SimulationOptions.defaults().modality();

        @Option(names = "--threat-rate", paramLabel = "R",
                description = "share of scans with threats, 0 to 1 (default ${DEFAULT-VALUE})")
        double threatRate = SimulationOptions.defaults().threatRate();

        @Option(names = "--empty-rate", paramLabel = "R",
                description = "share of empty containers, 0 to 1 (default ${DEFAULT-VALUE})")
        double emptyRate = SimulationOptions.defaults().emptyRate();

        @Option(names = "--scale", paramLabel = "F",
                description = "image size relative to full resolution, above 0 up to 1 (default ${DEFAULT-VALUE})")
        double scale = SimulationOptions.defaults().scale();

        @Option(names = "--dual-energy", description = "add a low-energy image to X-ray scans")
        boolean dualEnergy;

        @Option(names = "--conditions", paramLabel = "C",
                description = "acquisition conditions: nominal (default, one setting per modality), training (the randomised "
                        + "ranges the detector trains on) or shifted (outside every training range; see docs/scan-simulator.md)")
        ScanConditions conditions = ScanConditions.NOMINAL;

        @Option(names = "--threads", paramLabel = "T", description = "scans generated at once, 1 to 64 (default 1)")
        int threads = 1;

        @Override
        public Integer call() throws IOException {
            requireIn("--count", count, 1, MAX_COUNT);
            requireIn("--threads", threads, 1, MAX_THREADS);
            requireShare("--threat-rate", threatRate);
            requireShare("--empty-rate", emptyRate);
            if (!(scale > 0 && scale <= 1)) {
                throw usage("--scale must be above 0 and at most 1, got " + scale);
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw usage("--out " + out + " is a file, not a directory");
            }
            if (Files.exists(out.resolve(EvaluationSet.LABELS_FILE))) {
                throw usage("--out " + out + " already holds a labels.csv; choose a new directory");
            }
            SimulationOptions options = SimulationOptions.defaults().withModality(modality).withThreatRate(threatRate)
                    .withEmptyRate(emptyRate).withScale(scale).withDualEnergy(dualEnergy).withConditions(conditions);
            EvaluationSetGenerator.Summary summary = new EvaluationSetGenerator(new ScanSimulator(options))
                    .generate(out, seed, count, threads);
            cli.out.println(String.format(Locale.ROOT, "scans=%d threats=%d empties=%d seconds=%.2f out=%s",
                    summary.scans(), summary.threats(), summary.empties(), summary.seconds(), out));
            return 0;
        }

        private void requireIn(String option, int value, int low, int high) {
            if (value < low || value > high) {
                throw usage(option + " must be " + low + " to " + high + ", got " + value);
            }
        }

        private void requireShare(String option, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw usage(option + " must be between 0 and 1, got " + value);
            }
        }

        private ParameterException usage(String message) {
            return new ParameterException(spec.commandLine(), message);
        }
    }
}
