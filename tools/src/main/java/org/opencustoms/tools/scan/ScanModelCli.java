package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.ScanModels;

import org.opencustoms.tools.sim.CliValues;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command line: {@code train --out DIR [--seed S] [--count N] ...} and
 * {@code evaluate --data DIR [--model DIR] [--predictions OUT.csv]}. Exit codes: 0 done, 1 failed, 2 bad usage.
 */
public final class ScanModelCli {

    /** The models the product ships, relative to the project root. */
    public static final Path SHIPPED_MODELS = Path.of("scan-models", "models", "scan");

    static final String USAGE = """
            usage: train --out DIR [--seed S] [--count N] [--threat-epochs E] [--mining-epochs E] [--empty-epochs E] [--threads T]
                   evaluate --data DIR [--model DIR] [--predictions OUT.csv]
              train      simulates --count scans (default 800, seed 7), trains the threat detector and the
                         empty-container verifier on them, and writes their parameters to DIR
              evaluate   runs the models (default: the shipped ones) over an evaluation set (16-bit PNGs and
                         labels.csv) and prints JSON metrics per modality""";

    private ScanModelCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options;
        try {
            options = options(args, args[0].equals("train")
                    ? Set.of("--out", "--seed", "--count", "--threat-epochs", "--mining-epochs", "--empty-epochs", "--threads")
                    : Set.of("--data", "--model", "--predictions"));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return switch (args[0]) {
                case "train" -> train(options, out);
                case "evaluate" -> evaluate(options, out);
                default -> throw new IllegalArgumentException("unknown command " + args[0] + ": train or evaluate");
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("error: " + args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static int train(Map<String, String> options, PrintStream out) throws Exception {
        Path dir = Path.of(required(options, "--out"));
        ScanModelTrainer.Options training = new ScanModelTrainer.Options(
                CliValues.longValue("--seed", options.getOrDefault("--seed", "7")),
                CliValues.intIn("--count", options.getOrDefault("--count", "800"), 20, 20_000),
                CliValues.intIn("--threat-epochs", options.getOrDefault("--threat-epochs", "6"), 1, 200),
                CliValues.intIn("--mining-epochs", options.getOrDefault("--mining-epochs", "0"), 0, 200),
                CliValues.intIn("--empty-epochs", options.getOrDefault("--empty-epochs", "25"), 1, 200),
                CliValues.intIn("--threads", options.getOrDefault("--threads", Integer.toString(Runtime.getRuntime().availableProcessors())), 1, 64));
        new ScanModelTrainer(out).train(training, dir);
        return 0;
    }

    private static int evaluate(Map<String, String> options, PrintStream out) throws Exception {
        Path data = Path.of(required(options, "--data"));
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is not a directory");
        }
        Path model = Path.of(options.getOrDefault("--model", SHIPPED_MODELS.toString()));
        Path predictions = options.containsKey("--predictions") ? Path.of(options.get("--predictions")) : null;
        try (ScanModels models = ScanModels.load(model)) {
            out.println(new ScanModelEvaluator(models).evaluate(data, predictions).toJson());
        }
        return 0;
    }

    private static Map<String, String> options(String[] args, Set<String> allowed) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!allowed.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + " for " + args[0]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
