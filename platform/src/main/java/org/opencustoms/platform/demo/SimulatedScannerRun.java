package org.opencustoms.platform.demo;

import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.cli.ServiceSpec;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        Path tools = home.resolve("tools/target");
        String classPath = tools.resolve("tools.jar") + File.pathSeparator + tools.resolve("lib/*");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", classPath,
                "org.opencustoms.tools.scanner.ScannerSimCli",
                "--target", "localhost:" + ServiceSpec.SCAN_INGEST_GRPC_PORT));
        command.addAll(arguments);
        List<String> printed = new ArrayList<>();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println("    " + line.strip());
                    printed.add(line);
                }
            }
            if (process.waitFor() != 0) {
                throw new PlatformException("the simulated scanner failed (exit " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new PlatformException("could not run the simulated scanner: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while scanning", e);
        }
        return printed;
    }
}
