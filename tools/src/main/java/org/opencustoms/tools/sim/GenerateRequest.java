package org.opencustoms.tools.sim;

import org.opencustoms.scan.imaging.EvaluationSet;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.SimulationOptions;


import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The arguments of {@code generate}, parsed and checked. Problems are reported as
 * {@link IllegalArgumentException}s whose message tells the user what to fix.
 */
record GenerateRequest(Path out, int count, long seed, int threads, SimulationOptions options) {

    static final int MAX_COUNT = 10_000_000;
    static final int MAX_THREADS = 64;

    static GenerateRequest parse(String[] args) {
        if (args.length == 0 || !args[0].equals("generate")) {
            throw new IllegalArgumentException(args.length == 0 ? "missing command"
                    : "unknown command '" + args[0] + "' (the only command is generate)");
        }
        Path out = null;
        Integer count = null;
        Long seed = null;
        int threads = 1;
        SimulationOptions options = SimulationOptions.defaults();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (!seen.add(option)) {
                throw new IllegalArgumentException(option + " is given twice");
            }
            if (option.equals("--dual-energy")) {
                options = options.withDualEnergy(true);
                continue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
                        : "unexpected argument '" + option + "'");
            }
            String value = args[++i];
            switch (option) {
                case "--out" -> out = path(value);
                case "--count" -> count = CliValues.intIn(option, value, 1, MAX_COUNT);
                case "--seed" -> seed = CliValues.longValue(option, value);
                case "--threads" -> threads = CliValues.intIn(option, value, 1, MAX_THREADS);
                case "--modality" -> options = options.withModality(ModalityChoice.parse(value));
                case "--threat-rate" -> options = options.withThreatRate(CliValues.share(option, value));
                case "--empty-rate" -> options = options.withEmptyRate(CliValues.share(option, value));
                case "--scale" -> options = options.withScale(CliValues.scale(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (out == null || count == null || seed == null) {
            throw new IllegalArgumentException("--out, --count and --seed are required");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
        if (Files.exists(out.resolve(EvaluationSet.LABELS_FILE))) {
            throw new IllegalArgumentException("--out " + out + " already holds a labels.csv; choose a new directory");
        }
        return new GenerateRequest(out, count, seed, threads, options);
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--out '" + value + "' is not a valid path");
        }
    }
}
