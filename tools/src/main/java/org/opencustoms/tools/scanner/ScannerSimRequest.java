package org.opencustoms.tools.scanner;

import org.opencustoms.scan.scanner.SimulatedScanner;

import org.opencustoms.codes.ContainerNumbers;
import org.opencustoms.scan.client.ScannerTls;
import org.opencustoms.tools.sim.CliValues;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.SimulationOptions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The arguments of {@code bin/platform scanner-sim}, parsed and checked. */
record ScannerSimRequest(String target, int scans, double scansPerMinute, long seed, SimulationOptions options, List<String> containers,
                         ScannerTls tls) {

    static final int MAX_SCANS = 100_000;
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:]+\\]:[0-9]{1,5}");

    static ScannerSimRequest parse(String[] args) {
        String target = null;
        Integer scans = null;
        double rate = 0;
        long seed = 1;
        SimulationOptions options = SimulationOptions.defaults();
        List<String> containers = List.of();
        ScannerTls tls = null;
        boolean plaintext = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!seen.add(option)) {
                throw new IllegalArgumentException(option + " is given twice");
            }
            if (option.equals("--dual-energy")) {
                options = options.withDualEnergy(true);
                continue;
            }
            if (option.equals("--plaintext")) {
                plaintext = true;
                continue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unexpected argument '" + option + "'");
            }
            String value = args[++i];
            switch (option) {
                case "--target" -> target = hostPort(value);
                case "--scans" -> scans = CliValues.intIn(option, value, 1, MAX_SCANS);
                case "--modality" -> options = options.withModality(modality(value));
                case "--rate" -> rate = positive(option, value);
                case "--seed" -> seed = CliValues.longValue(option, value);
                case "--scale" -> options = options.withScale(CliValues.scale(option, value));
                case "--containers" -> containers = containers(value);
                case "--tls-dir" -> tls = ScannerTls.inDirectory(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (target == null || scans == null) {
            throw new IllegalArgumentException("--target and --scans are required");
        }
        if ((tls == null) == !plaintext) {
            throw new IllegalArgumentException("give --tls-dir DIR (the scanner's certificate: bin/platform ca issue-scanner) "
                    + "or, against a development server only, --plaintext");
        }
        return new ScannerSimRequest(target, scans, rate, seed, options, containers, tls);
    }

    /** ISO 6346 numbers, comma-separated: scan i carries number i (cycling), as a portal reads them off the containers. */
    private static List<String> containers(String value) {
        List<String> numbers = Arrays.stream(value.split(",")).map(String::strip).toList();
        for (String number : numbers) {
            if (!ContainerNumbers.isValid(number)) {
                throw new IllegalArgumentException("--containers takes ISO 6346 container numbers separated by commas; '" + number
                        + "' is not one (check digit included)");
            }
        }
        return numbers;
    }

    /** The container number the scanner reads on scan {@code index}: one of --containers, or a simulated SIMU number. */
    String containerFor(int index, long scanSeed) {
        return containers.isEmpty() ? SimulatedScanner.containerNumber(scanSeed) : containers.get(index % containers.size());
    }

    private static String hostPort(String value) {
        if (!HOST_PORT.matcher(value).matches() || Integer.parseInt(value.substring(value.lastIndexOf(':') + 1)) > 65_535) {
            throw new IllegalArgumentException("--target must be HOST:PORT, e.g. localhost:9082, got '" + value + "'");
        }
        return value;
    }

    private static ModalityChoice modality(String value) {
        ModalityChoice choice = ModalityChoice.parse(value);
        if (choice == ModalityChoice.MIXED) {
            throw new IllegalArgumentException("--modality must be xray or gamma: a scanner has one source");
        }
        return choice;
    }

    private static double positive(String option, String value) {
        double number = CliValues.decimal(option, value);
        if (!(number > 0 && number <= 60_000)) {
            throw new IllegalArgumentException(option + " must be above 0 and at most 60000 scans a minute, got " + value);
        }
        return number;
    }
}
