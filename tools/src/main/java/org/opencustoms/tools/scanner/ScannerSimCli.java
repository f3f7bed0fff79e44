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

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/platform scanner-sim}: a scanner that streams simulated scans to scan-analysis-service
 * with the client library, and the ingest benchmark: every payload is also copied over a plain TCP
 * socket on this machine, so the end-to-end figure (transfer, SHA-256 and fsync on the server)
 * stands beside what the network alone does with the same bytes in the same run.
 * Exit codes: 0 done, 1 an upload failed, 2 bad usage.
 */
public final class ScannerSimCli {

    static final String USAGE = """
            usage: scanner-sim --target HOST:PORT --tls-dir DIR|--plaintext --scans N [--modality xray|gamma] [--rate R]
                               [--seed S] [--scale F] [--dual-energy] [--containers C1,C2,...]
              --target HOST:PORT  scan-analysis-service's gRPC port (bin/platform up: localhost:9082)
              --tls-dir DIR       the scanner's certificate, key and CA (bin/platform ca issue-scanner); scans carry
                                  the scanner id and site its certificate names
              --plaintext         no TLS, against a server started with SCAN_INGEST_ALLOW_PLAINTEXT=true (development only)
              --scans N           scans to stream, 1 to 100000
              --modality M        xray (default) or gamma
              --rate R            at most R scans a minute (default: as fast as they upload)
              --seed S            simulator seed (default 1)
              --scale F           image size relative to full resolution, above 0 up to 1 (default 1)
              --dual-energy       X-ray scans with a high- and a low-energy image
              --containers C,...  ISO 6346 numbers the portal reads, one a scan in turn (default: simulated SIMU numbers)""";

    private ScannerSimCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        ScannerSimRequest request;
        try {
            request = ScannerSimRequest.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ChannelCredentials credentials = request.tls() == null ? InsecureChannelCredentials.create() : request.tls().credentials();
        try (ReconnectingChannel channel = new ReconnectingChannel(request.target(), credentials)) {
            return stream(request, new ScanUploader(channel), out);
        } catch (ScanUploadException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
    }

    private static int stream(ScannerSimRequest request, ScanUploader uploader, PrintStream out) throws Exception {
        ScanSimulator simulator = new ScanSimulator(request.options());
        ScannerIdentity identity = request.tls() == null ? new ScannerIdentity("SIM-" + request.options().modality().name(), "USLAX")
                : request.tls().identity();
        SimulatedScanner scanner = new SimulatedScanner(identity.id(), identity.site());
        String runId = Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase(Locale.ROOT);
        long intervalNanos = request.scansPerMinute() > 0 ? (long) (60e9 / request.scansPerMinute()) : 0;
        long runStarted = System.nanoTime();
        long bytes = 0;
        double uploadSeconds = 0;
        double socketSeconds = 0;
        long warmBytes = 0;
        double warmSeconds = 0;
        out.printf("streaming %d simulated %s scans to %s%n", request.scans(), request.options().modality().name().toLowerCase(Locale.ROOT), request.target());
        for (int index = 0; index < request.scans(); index++) {
            waitForSlot(runStarted + index * intervalNanos);
            SimulatedScan scan = simulator.simulate(request.seed(), index);
            SimulatedScanner.Acquisition acquisition = scanner.acquire("SIM-" + runId + "-" + request.seed() + "-" + index, scan,
                    request.containerFor(index, scan.seed()), Instant.now());
            long started = System.nanoTime();
            UploadResult result = uploader.upload(acquisition.header(), PayloadSource.ofBytes(acquisition.payload()));
            double seconds = (System.nanoTime() - started) / 1e9;
            double socket = SocketCopyBaseline.secondsToCopy(List.of(acquisition.payload()));
            int size = acquisition.payload().length;
            bytes += size;
            uploadSeconds += seconds;
            socketSeconds += socket;
            if (index > 0) {
                warmBytes += size;
                warmSeconds += seconds;
            }
            out.printf(Locale.ROOT, "  %s  %dx%d  %.1f MB  %.3f s  %.1f MB/s%s%n", result.scanId(), scan.width(), scan.height(),
                    size / 1e6, seconds, size / 1e6 / seconds, result.attempts() > 1 ? "  (" + result.attempts() + " attempts)" : "");
        }
        out.printf(Locale.ROOT, "ingest: %d scans, %.1f MB in %.2f s: %.1f MB/s end to end (transfer, SHA-256 and fsync on the server)%n",
                request.scans(), bytes / 1e6, uploadSeconds, bytes / 1e6 / uploadSeconds);
        if (warmBytes > 0) {
            out.printf(Locale.ROOT, "ingest after the first scan (JIT warm): %.1f MB/s%n", warmBytes / 1e6 / warmSeconds);
        }
        out.printf(Locale.ROOT, "plain TCP socket copy of the same bytes on this machine: %.1f MB/s%n", bytes / 1e6 / socketSeconds);
        return 0;
    }

    private static void waitForSlot(long startNanos) throws InterruptedException {
        long wait = startNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
