package org.opencustoms.tools.scanner;

import org.opencustoms.scan.scanner.SimulatedScanner;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import org.opencustoms.proto.scan.v1.ScannerIdentity;
import org.opencustoms.scan.client.PayloadSource;
import org.opencustoms.scan.client.ReconnectingChannel;
import org.opencustoms.scan.client.ScanUploadException;
import org.opencustoms.scan.client.ScanUploader;
import org.opencustoms.scan.client.UploadResult;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;

import org.opencustoms.codes.ContainerNumbers;
import org.opencustoms.scan.client.ScannerTls;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.SimulationOptions;
import org.opencustoms.tools.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code bin/platform scanner-sim}: a scanner that streams simulated scans to scan-analysis-service
 * with the client library, and the ingest benchmark: with {@code --baseline-dir} every payload is also
 * copied over a plain TCP socket on this machine, hashed and fsynced into that directory, so the
 * end-to-end figure (transfer, SHA-256 and fsync on the server) stands beside the floor of the same
 * work on the same bytes in the same run.
 * Exit codes: 0 done, 1 an upload failed, 2 bad usage.
 */
@Command(name = "bin/platform scanner-sim", mixinStandardHelpOptions = true,
        description = "A simulated scanner: streams simulated scans to scan-analysis-service's gRPC port and prints the "
                + "end-to-end throughput, with --baseline-dir beside a plain socket copy of the same bytes, hashed and fsynced.")
public final class ScannerSimCli implements Callable<Integer> {

    static final int MAX_SCANS = 100_000;
    static final int MAX_WARM_UP_SCANS = 1_000;
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:]+\\]:[0-9]{1,5}");

    private static final long WARM_UP_SEED_OFFSET = 1_000_003;

    private final PrintStream out;

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "HOST:PORT",
            description = "scan-analysis-service's gRPC port (bin/platform up: localhost:9082)")
    String target;

    @Option(names = "--tls-dir", paramLabel = "DIR",
            description = "the scanner's certificate, key and CA (bin/platform ca issue-scanner); scans carry the scanner id "
                    + "and site its certificate names")
    Path tlsDir;

    @Option(names = "--plaintext",
            description = "no TLS, against a server started with SCAN_INGEST_ALLOW_PLAINTEXT=true (development only)")
    boolean plaintext;

    @Option(names = "--scans", required = true, paramLabel = "N", description = "scans to stream, 1 to 100000")
    int scans;

    @Option(names = "--modality", paramLabel = "M", description = "xray (default) or gamma")
    ModalityChoice modality = ModalityChoice.XRAY;

    @Option(names = "--rate", paramLabel = "R", description = "at most R scans a minute (default: as fast as they upload)")
    Double rate;

    @Option(names = "--seed", paramLabel = "S", description = "simulator seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--scale", paramLabel = "F",
            description = "image size relative to full resolution, above 0 up to 1 (default ${DEFAULT-VALUE})")
    double scale = SimulationOptions.defaults().scale();

    @Option(names = "--dual-energy", description = "X-ray scans with a high- and a low-energy image")
    boolean dualEnergy;

    @Option(names = "--baseline-dir", paramLabel = "DIR",
            description = "also copy each payload over a loopback socket, hash it with SHA-256 and write it with fsync into "
                    + "DIR (on the disk the service stores scans on): the baseline of the throughput")
    Path baselineDir;

    @Option(names = "--warm-up-scans", paramLabel = "N",
            description = "first stream N full-resolution scans that are not measured (and copy them for the baseline), so that "
                    + "both sides' JIT compilers have run before the figures are taken; 0 to 1000 (default ${DEFAULT-VALUE})")
    int warmUpScans;

    @Option(names = "--containers", split = ",", paramLabel = "NUMBER",
            description = "ISO 6346 numbers the portal reads, one a scan in turn (default: simulated SIMU numbers)")
    List<String> containers = new ArrayList<>();

    private ScannerSimCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = CommandLines.create(new ScannerSimCli(out), out, err);
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof ScanUploadException) {
                err.println("error: " + e.getMessage());
            } else if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                err.println("error: interrupted");
            } else {
                err.println("error: " + e);
            }
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        ScannerSimRequest request = request();
        ChannelCredentials credentials = request.tls() == null ? InsecureChannelCredentials.create() : request.tls().credentials();
        try (ReconnectingChannel channel = new ReconnectingChannel(request.target(), credentials)) {
            return stream(request, new ScanUploader(channel), out);
        }
    }

    /** The options, checked: a bad one is a usage error that says what to fix. */
    private ScannerSimRequest request() {
        if (!HOST_PORT.matcher(target).matches() || Integer.parseInt(target.substring(target.lastIndexOf(':') + 1)) > 65_535) {
            throw usage("--target must be HOST:PORT, e.g. localhost:9082, got '" + target + "'");
        }
        if (scans < 1 || scans > MAX_SCANS) {
            throw usage("--scans must be 1 to " + MAX_SCANS + ", got " + scans);
        }
        if (warmUpScans < 0 || warmUpScans > MAX_WARM_UP_SCANS) {
            throw usage("--warm-up-scans must be 0 to " + MAX_WARM_UP_SCANS + ", got " + warmUpScans);
        }
        if (modality == ModalityChoice.MIXED) {
            throw usage("--modality must be xray or gamma: a scanner has one source");
        }
        if (rate != null && !(rate > 0 && rate <= 60_000)) {
            throw usage("--rate must be above 0 and at most 60000 scans a minute, got " + rate);
        }
        if (!(scale > 0 && scale <= 1)) {
            throw usage("--scale must be above 0 and at most 1, got " + scale);
        }
        List<String> numbers = containers.stream().map(String::strip).toList();
        for (String number : numbers) {
            if (!ContainerNumbers.isValid(number)) {
                throw usage("--containers takes ISO 6346 container numbers separated by commas; '" + number
                        + "' is not one (check digit included)");
            }
        }
        if ((tlsDir == null) == !plaintext) {
            throw usage("give --tls-dir DIR (the scanner's certificate: bin/platform ca issue-scanner) "
                    + "or, against a development server only, --plaintext");
        }
        ScannerTls tls;
        try {
            tls = tlsDir == null ? null : ScannerTls.inDirectory(tlsDir);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        SimulationOptions options = SimulationOptions.defaults().withModality(modality).withScale(scale)
                .withDualEnergy(dualEnergy);
        return new ScannerSimRequest(target, scans, warmUpScans, rate == null ? 0 : rate, seed, options, numbers, tls, baselineDir);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static int stream(ScannerSimRequest request, ScanUploader uploader, PrintStream out) throws Exception {
        ScanSimulator simulator = new ScanSimulator(request.options());
        ScannerIdentity identity = request.tls() == null ? new ScannerIdentity("SIM-" + request.options().modality().name(), "USLAX")
                : request.tls().identity();
        SimulatedScanner scanner = new SimulatedScanner(identity.id(), identity.site());
        String runId = Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase(Locale.ROOT);
        long intervalNanos = request.scansPerMinute() > 0 ? (long) (60e9 / request.scansPerMinute()) : 0;
        long bytes = 0;
        double uploadSeconds = 0;
        double baselineSeconds = 0;
        long warmBytes = 0;
        double warmSeconds = 0;
        double warmBaselineSeconds = 0;
        SocketCopyBaseline baseline = request.baselineDir() == null ? null : new SocketCopyBaseline(request.baselineDir());
        String modality = request.options().modality().name().toLowerCase(Locale.ROOT);
        if (request.warmUpScans() > 0) {
            long warmUpStarted = System.nanoTime();
            // full-resolution whatever --scale: the JIT compilers settle on the bytes they see, which small scans give few of
            ScanSimulator warmUp = new ScanSimulator(request.options().withScale(1.0));
            for (int index = 0; index < request.warmUpScans(); index++) {
                // seeds of their own, so that the measured scans are the same with or without a warm-up
                SimulatedScan scan = warmUp.simulate(request.seed() + WARM_UP_SEED_OFFSET, index);
                SimulatedScanner.Acquisition acquisition = scanner.acquire("SIM-" + runId + "-" + request.seed() + "-W" + index, scan,
                        request.containerFor(index, scan.seed()), Instant.now());
                uploader.upload(acquisition.header(), PayloadSource.ofBytes(acquisition.payload()));
                if (baseline != null) {
                    baseline.secondsToStore(acquisition.payload());
                }
            }
            out.printf(Locale.ROOT, "warm-up: %d full-resolution %s scans streamed in %.1f s, not measured%n", request.warmUpScans(), modality,
                    (System.nanoTime() - warmUpStarted) / 1e9);
        }
        out.printf("streaming %d simulated %s scans to %s%n", request.scans(), modality, request.target());
        long runStarted = System.nanoTime();
        for (int index = 0; index < request.scans(); index++) {
            waitForSlot(runStarted + index * intervalNanos);
            SimulatedScan scan = simulator.simulate(request.seed(), index);
            SimulatedScanner.Acquisition acquisition = scanner.acquire("SIM-" + runId + "-" + request.seed() + "-" + index, scan,
                    request.containerFor(index, scan.seed()), Instant.now());
            long started = System.nanoTime();
            UploadResult result = uploader.upload(acquisition.header(), PayloadSource.ofBytes(acquisition.payload()));
            double seconds = (System.nanoTime() - started) / 1e9;
            double floor = baseline == null ? 0 : baseline.secondsToStore(acquisition.payload());
            int size = acquisition.payload().length;
            bytes += size;
            uploadSeconds += seconds;
            baselineSeconds += floor;
            if (index > 0) {
                warmBytes += size;
                warmSeconds += seconds;
                warmBaselineSeconds += floor;
            }
            out.printf(Locale.ROOT, "  %s  %dx%d  %.1f MB  %.3f s  %.1f MB/s%s%n", result.scanId(), scan.width(), scan.height(),
                    size / 1e6, seconds, size / 1e6 / seconds, result.attempts() > 1 ? "  (" + result.attempts() + " attempts)" : "");
        }
        out.printf(Locale.ROOT, "ingest: %d scans, %.1f MB in %.2f s: %.1f MB/s end to end (transfer, SHA-256 and fsync on the server)%n",
                request.scans(), bytes / 1e6, uploadSeconds, bytes / 1e6 / uploadSeconds);
        if (warmBytes > 0) {
            out.printf(Locale.ROOT, "ingest after the first scan (JIT warm): %.1f MB/s%n", warmBytes / 1e6 / warmSeconds);
        }
        if (baseline != null) {
            out.printf(Locale.ROOT, "baseline: the same bytes over a loopback socket, SHA-256, written and fsynced: %.1f MB/s%n",
                    bytes / 1e6 / baselineSeconds);
            if (warmBytes > 0) {
                out.printf(Locale.ROOT, "baseline after the first scan: %.1f MB/s%n", warmBytes / 1e6 / warmBaselineSeconds);
                out.printf(Locale.ROOT, "ingest/baseline after the first scan: %.2f%n", warmBaselineSeconds / warmSeconds);
            }
        }
        return 0;
    }

    private static void waitForSlot(long startNanos) throws InterruptedException {
        long wait = startNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
