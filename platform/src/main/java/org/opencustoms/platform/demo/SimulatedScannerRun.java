package org.opencustoms.platform.demo;

import org.opencustoms.platform.cli.ServiceSpec;
import org.opencustoms.platform.cli.ToolProcess;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code bin/platform scanner-sim} as its own process, as a scanner would be: it reaches
 * scan-analysis-service only through the gRPC port. Its output is shown indented.
 */
public final class SimulatedScannerRun {

    private static final Pattern STREAMED_SCAN = Pattern.compile("^  (SIM-\\S+)  ");

    private SimulatedScannerRun() {
    }

    /** Streams the scans and returns their ids. */
    public static List<String> stream(Path home, List<String> arguments, PrintStream out) {
        List<String> scanIds = new ArrayList<>();
        for (String line : run(home, arguments, out)) {
            Matcher scan = STREAMED_SCAN.matcher(line);
            if (scan.find()) {
                scanIds.add(scan.group(1));
            }
        }
        return scanIds;
    }

    /** Streams the scans and returns what the scanner printed, line by line. */
    public static List<String> run(Path home, List<String> arguments, PrintStream out) {
        List<String> command = new ArrayList<>(List.of("--target", "localhost:" + ServiceSpec.SCAN_INGEST_GRPC_PORT));
        command.addAll(arguments);
        return ToolProcess.run(home, "org.opencustoms.tools.scanner.ScannerSimCli", command, "the simulated scanner", out);
    }
}
