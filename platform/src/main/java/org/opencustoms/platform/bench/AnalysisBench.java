package org.opencustoms.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.cli.ToolProcess;
import org.opencustoms.platform.demo.ApiClient;
import org.opencustoms.platform.demo.SimulatedScannerRun;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Milliseconds per megapixel of X-ray scan through scan-analysis-service beside the same pipeline called in-process.
 * The simulated scanner streams the scans over gRPC, one every {@link #SPACING}, so that each finds a worker idle and
 * is timed alone; the service's own timestamps give each scan's time from a worker starting on it to its result ready
 * to record (reading the store, the models, the renditions and their storage) and from its upload to that moment.
 * Then {@code scan-model time}, in a JVM of its own, times {@code analyseAndRender} on the same simulated scans (same
 * seed and scale) with the PyTorch threads one of the service's workers has. The service warms up once, the
 * in-process side before each size, on unmeasured full-resolution scans.
 */
final class AnalysisBench {

    record Settings(int scansPerSize, int warmUpScans, List<Double> scales, Path tlsDirectory) {
    }

    /** A full-resolution scan takes a quarter to a third of a second of a worker on 2 cores; a portal scanner sends one every 20 s or more. */
    static final Duration SPACING = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final long SEED = 23;
    private static final Pattern IN_PROCESS_SCAN = Pattern.compile("^  scan \\d+  (\\d+)x(\\d+)  [0-9.]+ MP  ([0-9.]+) ms ");
    private static final Pattern IN_PROCESS_MODEL = Pattern.compile("^model: (\\S+)");

    private final Path home;
    private final ApiClient scanAnalysis;
    private final Map<String, String> supervisor;
    private final PrintStream out;

    AnalysisBench(Path home, ApiClient scanAnalysis, Map<String, String> supervisor, PrintStream out) {
        this.home = home;
        this.scanAnalysis = scanAnalysis;
        this.supervisor = supervisor;
        this.out = out;
    }

    List<AnalysisResult> run(Settings settings) {
        if (settings.scansPerSize() < 1 || settings.warmUpScans() < 0) {
            throw new IllegalArgumentException("analysis measures at least 1 scan a size after at least 0 warm-up scans");
        }
        if (settings.warmUpScans() > 0) {
            out.printf(Locale.ROOT, "analysis: warming up on %d full-resolution scans through the service, not measured%n",
                    settings.warmUpScans());
            awaitAnalysed(stream(settings, settings.warmUpScans(), 1.0, SEED + 1, List.of()));
        }
        int torchThreads = torchThreadsPerWorker();
        List<AnalysisResult> results = new ArrayList<>();
        for (double scale : settings.scales()) {
            out.printf(Locale.ROOT, "analysis: %d X-ray scans at scale %.2f through the service, one every %d s%n", settings.scansPerSize(),
                    scale, SPACING.toSeconds());
            List<JsonNode> analyses = awaitAnalysed(stream(settings, settings.scansPerSize(), scale, SEED,
                    List.of("--rate", Double.toString(60.0 / SPACING.toSeconds()))));
            out.printf(Locale.ROOT, "analysis: the same %d scans in-process, after warming up on %d full-resolution scans%n", settings.scansPerSize(),
                    settings.warmUpScans());
            List<String> printed = ToolProcess.run(home, "org.opencustoms.tools.scan.ScanModelCli", List.of("time",
                    "--scans", Integer.toString(settings.scansPerSize()), "--warm-up-scans", Integer.toString(settings.warmUpScans()),
                    "--scale", Double.toString(scale), "--seed", Long.toString(SEED), "--torch-threads", Integer.toString(torchThreads)),
                    "the in-process timing", out);
            results.add(result(scale, analyses, printed));
        }
        out.println(String.format(Locale.ROOT, "%-6s %10s %11s %14s %21s %14s %17s %9s %16s", "scale", "megapixels", "service ms",
                "service ms/MP", "received-analysed ms", "in-process ms", "in-process ms/MP", "overhead", "median overhead"));
        for (AnalysisResult result : results) {
            out.println(String.format(Locale.ROOT, "%-6.2f %10.1f %11.0f %14.1f %21.0f %14.0f %17.1f %8.0f%% %15.0f%%", result.scale(),
                    result.megapixels(), result.serviceMillis(), result.serviceMillisPerMegapixel(), result.receivedToAnalysedMillis(),
                    result.inProcessMillis(), result.inProcessMillisPerMegapixel(), 100 * result.overhead(), 100 * result.medianOverhead()));
        }
        out.println("overhead: the service's mean time from a worker starting on a scan to its result ready to record, over the "
                + "in-process analyseAndRender's, minus 1; median overhead: the same, scan by scan, the median; received-analysed "
                + "adds the wait for a worker");
        return results;
    }

    private List<String> stream(Settings settings, int scans, double scale, long seed, List<String> more) {
        List<String> arguments = new ArrayList<>(List.of("--scans", Integer.toString(scans), "--modality", "xray",
                "--scale", Double.toString(scale), "--seed", Long.toString(seed), "--tls-dir", settings.tlsDirectory().toString()));
        arguments.addAll(more);
        List<String> scanIds = SimulatedScannerRun.stream(home, arguments, out);
        if (scanIds.size() != scans) {
            throw new PlatformException("the simulated scanner streamed " + scanIds.size() + " of " + scans + " scans");
        }
        return scanIds;
    }

    private List<JsonNode> awaitAnalysed(List<String> scanIds) {
        List<JsonNode> analyses = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (String scanId : scanIds) {
            while (true) {
                ApiClient.Reply reply = scanAnalysis.get("/api/v1/scans/" + scanId + "/analysis", supervisor);
                String status = reply.body().path("status").asText();
                if (reply.ok() && "ANALYSED".equals(status)) {
                    analyses.add(reply.body());
                    break;
                }
                if (!reply.ok() || "FAILED".equals(status)) {
                    throw new PlatformException("scan " + scanId + " was not analysed: HTTP " + reply.status() + " " + reply.body());
                }
                if (System.nanoTime() > deadline) {
                    throw new PlatformException("scan " + scanId + " was still " + status + " after " + PATIENCE.toMinutes()
                            + " min (is analysis switched off with SCAN_ANALYSIS_ENABLED=false?)");
                }
                pause();
            }
        }
        return analyses;
    }

    /** Pairs each scan the service analysed with the same scan analysed in-process, in the order both were simulated. */
    private AnalysisResult result(double scale, List<JsonNode> analyses, List<String> inProcessOutput) {
        List<double[]> inProcess = new ArrayList<>(); // width, height, milliseconds
        String inProcessModel = null;
        for (String line : inProcessOutput) {
            Matcher scan = IN_PROCESS_SCAN.matcher(line);
            Matcher model = IN_PROCESS_MODEL.matcher(line);
            if (scan.find()) {
                inProcess.add(new double[]{Integer.parseInt(scan.group(1)), Integer.parseInt(scan.group(2)), Double.parseDouble(scan.group(3))});
            } else if (model.find()) {
                inProcessModel = model.group(1);
            }
        }
        if (inProcess.size() != analyses.size()) {
            throw new PlatformException("the in-process timing printed " + inProcess.size() + " scans of " + analyses.size() + " at scale " + scale);
        }
        String serviceModel = analyses.get(0).path("modelVersion").asText();
        if (!serviceModel.equals(inProcessModel)) {
            throw new PlatformException("the service analyses with model " + serviceModel + " and the in-process timing with "
                    + inProcessModel + " (the shipped one): run the service with the shipped models (no SCAN_MODEL_DIR) to compare");
        }
        double megapixels = 0;
        double service = 0;
        double received = 0;
        double inProcessTotal = 0;
        double[] overheads = new double[analyses.size()];
        for (int i = 0; i < analyses.size(); i++) {
            JsonNode analysis = analyses.get(i);
            JsonNode timings = analysis.path("timings");
            double scanMegapixels = timings.path("megapixels").asDouble();
            int width = analysis.path("image").path("width").asInt();
            int height = analysis.path("image").path("height").asInt();
            if (width != inProcess.get(i)[0] || height != inProcess.get(i)[1]) {
                throw new PlatformException(String.format(Locale.ROOT, "scan %d is %.0fx%.0f in-process and %dx%d in the service: they are not "
                        + "the same scans", i, inProcess.get(i)[0], inProcess.get(i)[1], width, height));
            }
            double receivedToAnalysed = Duration.between(OffsetDateTime.parse(analysis.path("receivedAt").asText()),
                    OffsetDateTime.parse(analysis.path("analysedAt").asText())).toNanos() / 1e6;
            double scanService = receivedToAnalysed - timings.path("waitedMillis").asDouble();
            double models = timings.path("analysisMillis").asDouble();
            double rendition = timings.path("renditionMillis").asDouble();
            megapixels += scanMegapixels;
            received += receivedToAnalysed;
            service += scanService;
            inProcessTotal += inProcess.get(i)[2];
            overheads[i] = scanService / inProcess.get(i)[2] - 1;
            out.printf(Locale.ROOT, "    %s  %.1f MP  waited %.0f ms  service %.0f ms (models %.0f, rendition and its storage %.0f, "
                            + "reading the scan %.0f)  in-process %.0f ms%n", analysis.path("scanId").asText(), scanMegapixels,
                    timings.path("waitedMillis").asDouble(), scanService, models, rendition, scanService - models - rendition,
                    inProcess.get(i)[2]);
        }
        int scans = analyses.size();
        return new AnalysisResult(scale, megapixels / scans, service / scans, received / scans, inProcessTotal / scans, Median.of(overheads));
    }

    /** What the service gives each worker by default: the cores shared among its workers, as its readiness reports them. */
    private int torchThreadsPerWorker() {
        ApiClient.Reply ready = scanAnalysis.get("/q/health/ready", Map.of());
        for (JsonNode check : ready.body().path("checks")) {
            int workers = check.path("data").path("workers").asInt(0);
            if ("scan-analysis".equals(check.path("name").asText()) && workers > 0) {
                return Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
            }
        }
        throw new PlatformException("scan-analysis-service's readiness does not say how many analysis workers it runs: " + ready.body());
    }

    private static void pause() {
        try {
            Thread.sleep(250); // the analyses carry their own timestamps: polling faster would only take CPU from them
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting for analyses");
        }
    }
}
