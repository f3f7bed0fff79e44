package org.opencustoms.platform.bench;

import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.demo.SimulatedScannerRun;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MB/s of scans streamed over gRPC with mutual TLS into scan-analysis-service, checksummed and durably stored, at
 * several scan sizes: the simulated scanner ({@code bin/platform scanner-sim}, its own process, the official
 * grpc-java client) uploads each scan, then copies the same bytes over a loopback socket, hashes them and fsyncs
 * them into a directory on the same disk, the baseline. Before each size is measured the scanner streams and copies
 * unmeasured full-resolution warm-up scans: on 2 cores the JIT compilers need hundreds of megabytes of TLS, SHA-256
 * and copying before they settle, which a long-running service and scanner have long done, and the scanner is a new
 * JVM for each size. The service analyses what it stores meanwhile, as it does in production.
 */
final class IngestBench {

    record Settings(int scansPerSize, int warmUpScans, List<Double> scales, Path tlsDirectory, Path baselineDirectory) {
    }

    private static final Pattern SCAN = Pattern.compile("^\\s*SIM-\\S+\\s+(\\d+)x(\\d+)\\s+([0-9.]+) MB ");
    private static final Pattern INGEST = Pattern.compile("^ingest: \\d+ scans, .*: ([0-9.]+) MB/s end to end");
    private static final Pattern BASELINE = Pattern.compile("^baseline: .*: ([0-9.]+) MB/s$");

    private final Path home;
    private final PrintStream out;

    IngestBench(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    List<IngestResult> run(Settings settings) {
        if (settings.scansPerSize() < 1 || settings.warmUpScans() < 0) {
            throw new IllegalArgumentException("ingest measures at least 1 scan a size after at least 0 warm-up scans");
        }
        List<IngestResult> results = new ArrayList<>();
        for (double scale : settings.scales()) {
            out.printf(Locale.ROOT, "ingest: %d X-ray scans at scale %.2f after %d full-resolution warm-up scans%n", settings.scansPerSize(), scale,
                    settings.warmUpScans());
            List<String> printed = SimulatedScannerRun.run(home, List.of("--scans", Integer.toString(settings.scansPerSize()),
                    "--warm-up-scans", Integer.toString(settings.warmUpScans()),
                    "--modality", "xray", "--scale", Double.toString(scale), "--seed", "11",
                    "--tls-dir", settings.tlsDirectory().toString(),
                    "--baseline-dir", settings.baselineDirectory().toString()), out);
            results.add(result(scale, printed));
        }
        out.println(String.format(Locale.ROOT, "%-6s %14s %9s %12s %14s %8s", "scale", "megapixels", "MB/scan", "ingest MB/s",
                "baseline MB/s", "ratio"));
        for (IngestResult result : results) {
            out.println(String.format(Locale.ROOT, "%-6.2f %14.1f %9.1f %12.1f %14.1f %8.2f", result.scale(), result.megapixels(),
                    result.megabytesPerScan(), result.ingestMegabytesPerSecond(), result.baselineMegabytesPerSecond(), result.ratio()));
        }
        out.println("ingest/baseline: MB/s through gRPC, TLS, SHA-256 and fsync into the service's store over MB/s of a "
                + "loopback socket copy hashed and fsynced to the same disk, over the scans after the warm-up");
        return results;
    }

    private static IngestResult result(double scale, List<String> printed) {
        List<Double> megapixels = new ArrayList<>();
        List<Double> megabytes = new ArrayList<>();
        Double ingest = null;
        Double baseline = null;
        for (String line : printed) {
            Matcher scan = SCAN.matcher(line);
            Matcher ingestLine = INGEST.matcher(line);
            Matcher baselineLine = BASELINE.matcher(line);
            if (scan.find()) {
                megapixels.add(Long.parseLong(scan.group(1)) * Long.parseLong(scan.group(2)) / 1e6);
                megabytes.add(Double.parseDouble(scan.group(3)));
            } else if (ingestLine.find()) {
                ingest = Double.parseDouble(ingestLine.group(1));
            } else if (baselineLine.find()) {
                baseline = Double.parseDouble(baselineLine.group(1));
            }
        }
        if (megabytes.isEmpty() || ingest == null || baseline == null) {
            throw new PlatformException("the simulated scanner did not print its scans, throughput and baseline at scale " + scale);
        }
        return new IngestResult(scale, mean(megapixels), mean(megabytes), ingest, baseline);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
