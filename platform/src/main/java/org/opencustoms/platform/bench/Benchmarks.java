package org.opencustoms.platform.bench;

import org.opencustoms.common.identity.Roles;
import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.cli.PlatformOptions;
import org.opencustoms.platform.cli.ServiceSpec;
import org.opencustoms.platform.demo.ApiClient;
import org.opencustoms.platform.demo.DemoIdentities;
import org.opencustoms.platform.identity.PlatformKeys;
import org.opencustoms.platform.identity.TokenIssuer;
import org.opencustoms.platform.pki.CaCommand;
import org.opencustoms.platform.pki.PlatformCa;
import org.opencustoms.platform.postgres.EmbeddedDatabase;
import org.opencustoms.proto.scan.v1.ScannerIdentity;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code bin/platform bench}: the benchmarks against the platform running on this machine. */
public final class Benchmarks {

    public static final Set<String> NAMES = Set.of("selection", "ingest", "analysis", "inspection", "audit", "all");

    /**
     * What a benchmark run asks for: selection's and inspection's warm-up, run length, concurrency and offered rates; for ingest and
     * analysis, the scans measured per size, the unmeasured warm-up scans before them and the sizes (relative to a
     * full-resolution scan); for audit, the sizes of the log it is measured at.
     */
    public record Request(String name, Duration warmUp, Duration duration, int connections, List<Double> offeredRates,
                          int scansPerSize, int warmUpScans, List<Double> scales, List<Long> logSizes, String commandLine) {
    }

    /** Each report is asked for this many times at each size of the log (the verification once). */
    private static final int AUDIT_REPEATS = 3;

    private Benchmarks() {
    }

    /** Runs the benchmark {@code request} names against the platform of {@code options}, which must be up. */
    public static void run(Request request, PlatformOptions options, PrintStream out) {
        if (!NAMES.contains(request.name())) {
            throw new IllegalArgumentException("no benchmark named " + request.name());
        }
        if (request.name().equals("selection") || request.name().equals("all")) {
            selection(request, options, out);
        }
        if (request.name().equals("ingest") || request.name().equals("all")) {
            ingest(request, options, out);
        }
        if (request.name().equals("analysis") || request.name().equals("all")) {
            analysis(request, options, out);
        }
        if (request.name().equals("inspection") || request.name().equals("all")) {
            inspection(request, options, out);
        }
        if (request.name().equals("audit") || request.name().equals("all")) {
            audit(request, options, out);
        }
    }

    /** Filings through selection-service's REST API beside plain JDBC; returns the runs, the baseline last. */
    public static List<LoadResult> selection(Request request, PlatformOptions options, PrintStream out) {
        describe(request, out);
        TokenIssuer tokens = TokenIssuer.forKeys(PlatformKeys.loadOrCreate(options.dataDirectory()));
        try {
            return new SelectionBench(ServiceSpec.SELECTION.baseUrl(), tokens, databaseServer(options), EmbeddedDatabase.SUPERUSER, out)
                    .run(loadSettings(request));
        } catch (SQLException e) {
            throw new PlatformException("the plain JDBC baseline could not use the database: " + e.getMessage(), e);
        }
    }

    /** Outcomes through inspection-service's REST API beside plain JDBC; returns the runs, the baseline last. */
    public static List<LoadResult> inspection(Request request, PlatformOptions options, PrintStream out) {
        describe(request, out);
        TokenIssuer tokens = TokenIssuer.forKeys(PlatformKeys.loadOrCreate(options.dataDirectory()));
        try {
            return new InspectionBench(ServiceSpec.INSPECTION.baseUrl(), ServiceSpec.SELECTION.baseUrl(), tokens,
                    databaseServer(options), EmbeddedDatabase.SUPERUSER, out).run(loadSettings(request));
        } catch (SQLException e) {
            throw new PlatformException("the plain JDBC baseline could not use the database: " + e.getMessage(), e);
        }
    }

    /** The supervisors' reports and the log's verification at each size of the log, beside plain JDBC; one result a size. */
    public static List<AuditResult> audit(Request request, PlatformOptions options, PrintStream out) {
        describe(request, out);
        TokenIssuer tokens = TokenIssuer.forKeys(PlatformKeys.loadOrCreate(options.dataDirectory()));
        AuditBench bench = new AuditBench(new ApiClient(ServiceSpec.SELECTION.baseUrl()), new FilingWorkload(ServiceSpec.SELECTION.baseUrl(), tokens, 13),
                new DemoIdentities(options.dataDirectory()).as(Roles.SUPERVISOR), databaseServer(options) + "/" + ServiceSpec.SELECTION.database(),
                EmbeddedDatabase.SUPERUSER, out);
        try {
            return bench.run(new AuditBench.Settings(request.logSizes(), AUDIT_REPEATS));
        } catch (SQLException e) {
            throw new PlatformException("the audit benchmark could not use selection's database: " + e.getMessage(), e);
        } catch (PlatformException e) {
            throw e;
        } catch (Exception e) {
            throw new PlatformException("the audit benchmark could not file the shipments it copies: " + e.getMessage(), e);
        }
    }

    private static LoadRuns.Settings loadSettings(Request request) {
        return new LoadRuns.Settings(request.warmUp(), request.duration(), request.connections(), request.offeredRates());
    }

    private static String databaseServer(PlatformOptions options) {
        return "jdbc:postgresql://localhost:" + options.databasePort();
    }

    /** Scans over gRPC into scan-analysis-service beside a hashed, fsynced socket copy; returns one result a size. */
    public static List<IngestResult> ingest(Request request, PlatformOptions options, PrintStream out) {
        describe(request, out);
        PlatformCa.Issued scanner = benchScanner(options);
        // the baseline writes where the service stores scans: in the data directory, on the same disk
        Path baseline = options.dataDirectory().resolve("bench").resolve("ingest-baseline");
        return new IngestBench(options.home(), out).run(new IngestBench.Settings(request.scansPerSize(), request.warmUpScans(), request.scales(),
                scanner.certificate().getParent(), baseline));
    }

    /** Scans through scan-analysis-service's analysis, one at a time, beside the same pipeline in-process; one result a size. */
    public static List<AnalysisResult> analysis(Request request, PlatformOptions options, PrintStream out) {
        describe(request, out);
        AnalysisBench bench = new AnalysisBench(options.home(), new ApiClient(ServiceSpec.SCAN_ANALYSIS.baseUrl()),
                new DemoIdentities(options.dataDirectory()).as(Roles.SUPERVISOR), out);
        return bench.run(new AnalysisBench.Settings(request.scansPerSize(), request.warmUpScans(), request.scales(),
                benchScanner(options).certificate().getParent()));
    }

    private static PlatformCa.Issued benchScanner(PlatformOptions options) {
        Path pki = CaCommand.directory(options.dataDirectory());
        // a scanner of its own, so that its scans are told apart from the demo's
        return PlatformCa.loadOrCreate(pki).issueScanner(new ScannerIdentity("BENCH-PORTAL-1", "USLAX"), Duration.ofDays(1),
                pki.resolve("scanners").resolve("BENCH-PORTAL-1"));
    }

    private static void describe(Request request, PrintStream out) {
        out.println(Machine.current().describe());
        out.println("command: " + request.commandLine());
    }
}
