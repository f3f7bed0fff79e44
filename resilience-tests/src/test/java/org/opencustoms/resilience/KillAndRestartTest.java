package org.opencustoms.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.proto.scan.v1.ScannerIdentity;
import org.opencustoms.platform.bench.AnalysisResult;
import org.opencustoms.platform.bench.AuditResult;
import org.opencustoms.platform.bench.Benchmarks;
import org.opencustoms.platform.bench.IngestResult;
import org.opencustoms.platform.bench.LoadResult;
import org.opencustoms.platform.cli.PlatformOptions;
import org.opencustoms.platform.cli.RunningPlatform;
import org.opencustoms.platform.cli.ServiceSpec;
import org.opencustoms.platform.demo.ShipmentTraffic;
import org.opencustoms.platform.demo.SimulatedScannerRun;
import org.opencustoms.platform.identity.PlatformKeys;
import org.opencustoms.platform.identity.TokenIssuer;
import org.opencustoms.platform.identity.TokenRequest;
import org.opencustoms.platform.pki.CaCommand;
import org.opencustoms.platform.pki.PlatformCa;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three services as real processes from their built jars, on one embedded PostgreSQL. Filings, scans and
 * outcomes flow through them while each service is SIGKILLed and restarted (and, in the second test,
 * inspection-service is down for a minute); at the end nothing is lost, nothing is counted twice, the decision
 * log verifies and no dead letters remain. Prints its counts and durations. Last, on the same platform, a few seconds of
 * each of bin/platform's benchmarks run, so that they keep working; their figures are printed, never asserted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillAndRestartTest {

    private static final PrintStream OUT = System.out;
    private static final List<String> PORTS = List.of("USLAX", "USLGB", "USNYC", "USSAV", "USHOU", "USSEA");
    private static final Duration DRAIN_PATIENCE = Duration.ofMinutes(4);
    /** Short backoffs and leases (a SIGKILLed relay's claimed messages wait for their lease), so the test waits seconds, not minutes. */
    private static final Map<String, String> QUICK = Map.of(
            "OUTBOX_HANDOFF_MAX_RETRY", "5s", "OUTBOX_FEEDBACK_MAX_RETRY", "5s", "OUTBOX_FINDINGS_MAX_RETRY", "5s",
            "SELECTION_HANDOFF_EVERY", "1s", "INSPECTION_FEEDBACK_EVERY", "1s", "SCAN_FINDINGS_EVERY", "1s",
            "OUTBOX_HANDOFF_LEASE", "20s", "OUTBOX_FEEDBACK_LEASE", "20s", "OUTBOX_FINDINGS_LEASE", "20s",
            "SCAN_ANALYSIS_LEASE", "PT60S");

    private static RunningPlatform platform;
    private static PlatformOptions options;
    private static Path dataDirectory;
    private static TokenIssuer tokens;
    private static ShipmentTraffic traffic;
    private static final Map<String, Integer> COUNTS = new LinkedHashMap<>();

    @BeforeAll
    static void startPlatform() throws IOException {
        Path home = Path.of(System.getProperty("platform.home", "..")).toAbsolutePath().normalize();
        dataDirectory = home.resolve("resilience-tests/target/platform-data");
        deleteRecursively(dataDirectory);
        options = PlatformOptions.parse(List.of("up", "--data-dir", dataDirectory.toString(), "--db-port", "55439"), home);
        Instant start = Instant.now();
        platform = RunningPlatform.start(options, OUT, QUICK);
        OUT.printf("platform up in %d s%n", Duration.between(start, Instant.now()).toSeconds());
        tokens = TokenIssuer.forKeys(PlatformKeys.loadOrCreate(dataDirectory));
        traffic = new ShipmentTraffic(20261202L, Instant.now());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void killingEachServiceMidFlowLosesNothingAndCountsNothingTwice() throws Exception {
        Instant start = Instant.now();
        // filings, while selection-service and then inspection-service are SIGKILLed and restarted
        CompletableFuture<Void> chaos = CompletableFuture.completedFuture(null);
        for (int i = 1; i <= 300; i++) {
            if (i == 100) {
                chaos = killAndRestart(ServiceSpec.SELECTION);
            } else if (i == 200) {
                chaos.join();
                chaos = killAndRestart(ServiceSpec.INSPECTION);
            }
            file();
        }
        chaos.join();
        OUT.printf("300 filings sent in %d s, selection-service and inspection-service each SIGKILLed and restarted meanwhile%n",
                Duration.between(start, Instant.now()).toSeconds());

        List<JsonNode> tasks = awaitTasksForEverySelection();
        List<String> containers = tasks.stream().limit(16).map(task -> task.path("containers").get(0).asText()).toList();
        List<String> scans = scan(containers);
        awaitSomeAnalysedThenKillScanAnalysis(scans);
        // inspectors record outcomes once the scans' findings are on the tasks (a finding that comes after the
        // outcome waits unattached, by design)
        Instant analysisStart = Instant.now();
        awaitDrained(scans.size());
        OUT.printf("every scan analysed and its finding delivered %d s after the restart%n", Duration.between(analysisStart, Instant.now()).toSeconds());

        // outcomes for every task, while selection-service (which takes them as labels) is SIGKILLed once more
        Map<String, String> inspector = bearer(new TokenRequest("inspector-resilience", Roles.INSPECTOR, PORTS, null, Duration.ofHours(2)));
        int recorded = 0;
        for (JsonNode task : tasks) {
            if (recorded == tasks.size() / 2) {
                chaos = killAndRestart(ServiceSpec.SELECTION);
            }
            recordOutcome(task.path("id").asText(), inspector, recorded % 4 == 0);
            recorded++;
        }
        chaos.join();
        COUNTS.put("outcomes recorded", recorded);

        Instant drainStart = Instant.now();
        awaitDrained(scans.size());
        OUT.printf("every outbox drained %d s after the last outcome%n", Duration.between(drainStart, Instant.now()).toSeconds());
        assertNothingLostNothingTwice(300, scans.size());
        OUT.printf("kill-and-restart: %s, %d s in all%n", COUNTS, Duration.between(start, Instant.now()).toSeconds());
    }

    @Test
    @Order(2)
    void inspectionDownForAMinuteLosesNoTaskAndTheBacklogDrains() throws Exception {
        int filingsBefore = count(ServiceSpec.SELECTION, "select count(*) from selection.isf_filing");
        platform.stop(ServiceSpec.INSPECTION);
        Instant down = Instant.now();
        int filed = 0;
        while (Duration.between(down, Instant.now()).toSeconds() < 60) {
            file();
            filed++;
            Api.sleep(1_000);
        }
        int waiting = pendingHandoffs();
        Instant restart = Instant.now();
        platform.restart(ServiceSpec.INSPECTION);
        Instant ready = Instant.now();
        awaitTasksForEverySelection();
        Instant drained = Instant.now();
        OUT.printf("peer down: inspection-service down %d s while %d filings came in; %d hand-offs waited; back in %d s; backlog drained "
                        + "%d s after it was ready%n", Duration.between(down, restart).toSeconds(), filed, waiting,
                Duration.between(restart, ready).toSeconds(), Duration.between(ready, drained).toSeconds());
        assertTrue(waiting > 0, "selections made while inspection-service was down waited in the outbox");
        assertNothingLostNothingTwice(filingsBefore + filed, -1);
    }

    private static CompletableFuture<Void> killAndRestart(ServiceSpec spec) {
        platform.kill(spec);
        Instant killed = Instant.now();
        COUNTS.merge(spec.name() + " SIGKILLs", 1, Integer::sum);
        return CompletableFuture.runAsync(() -> {
            platform.restart(spec);
            OUT.printf("%s SIGKILLed and back, ready after %d s%n", spec.name(), Duration.between(killed, Instant.now()).toSeconds());
        });
    }

    @Test
    @Order(3)
    void theBenchmarksRunAgainstThePlatform() {
        Benchmarks.Request smoke = new Benchmarks.Request("all", Duration.ofSeconds(1), Duration.ofSeconds(2), 4,
                List.of(5.0), 2, 1, List.of(0.1), List.of(5_000L, 10_000L), "bench all (smoke run of KillAndRestartTest)");
        assertEveryRunSucceeded(Benchmarks.selection(smoke, options, OUT));

        List<IngestResult> sizes = Benchmarks.ingest(smoke, options, OUT);
        assertEquals(1, sizes.size());
        assertTrue(sizes.get(0).ingestMegabytesPerSecond() > 0 && sizes.get(0).baselineMegabytesPerSecond() > 0, sizes.toString());

        List<AnalysisResult> analyses = Benchmarks.analysis(smoke, options, OUT);
        assertEquals(1, analyses.size());
        AnalysisResult analysis = analyses.get(0);
        assertTrue(analysis.megapixels() > 0 && analysis.serviceMillis() > 0 && analysis.inProcessMillis() > 0, analysis.toString());

        assertEveryRunSucceeded(Benchmarks.inspection(smoke, options, OUT));

        // the bench itself fails when a report covers fewer decisions than the log holds or the log does not verify
        List<AuditResult> logSizes = Benchmarks.audit(smoke, options, OUT);
        assertEquals(2, logSizes.size());
        assertEquals(10_000, logSizes.get(1).decisions());
        assertEquals(List.of("fairness by origin", "fairness by importer", "compliance", "KPIs", "log verification"),
                logSizes.get(1).timings().stream().map(AuditResult.Timing::name).toList());
    }

    /** The smoke's closed loop, open loop and baseline each did some work and no request failed. */
    private static void assertEveryRunSucceeded(List<LoadResult> runs) {
        assertEquals(List.of("REST, closed loop, 4 conn", "REST, open loop, 5/s offered", "plain JDBC, closed loop, 4 conn"),
                runs.stream().map(LoadResult::name).toList());
        for (LoadResult run : runs) {
            assertTrue(run.completed() > 0, run.name() + " completed nothing");
            assertEquals(0, run.failed(), run.name() + " failed: " + run.firstFailure());
        }
    }

    private static void file() {
        ShipmentTraffic.Shipment shipment = traffic.next();
        Map<String, String> headers = new HashMap<>(bearer(new TokenRequest("filer-" + shipment.filerParty().toLowerCase(), Roles.IMPORTER,
                List.of(), shipment.filerParty(), Duration.ofHours(2))));
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        Api.require(Api.post(ServiceSpec.SELECTION.baseUrl() + "/api/v1/isf-filings", shipment.filing(), headers), "a filing");
    }

    /** Waits until every shipment selection handed over has its task, and returns the tasks. */
    private static List<JsonNode> awaitTasksForEverySelection() throws SQLException {
        return polling("a task for every shipment selection handed over", Duration.ofSeconds(1))
                .until(KillAndRestartTest::handover, Handover::complete).tasks();
    }

    private static Handover handover() throws SQLException {
        Set<String> handedOver = strings(ServiceSpec.SELECTION, "select decision_id::text from selection.inspection_handoff where kind = 'TASK'");
        List<JsonNode> tasks = tasks();
        Set<String> decisions = new HashSet<>();
        tasks.forEach(task -> decisions.add(task.path("decisionId").asText()));
        boolean complete = !handedOver.isEmpty() && decisions.containsAll(handedOver) && pendingHandoffs() == 0;
        return new Handover(handedOver.size(), decisions.size(), tasks, complete);
    }

    /** The hand-overs and tasks at one look; a timeout reports them. */
    private record Handover(int handedOver, int decisions, List<JsonNode> tasks, boolean complete) {

        @Override
        public String toString() {
            return handedOver + " shipments handed over, " + decisions + " tasks";
        }
    }

    /** Checks at once, then at the interval for DRAIN_PATIENCE, on the test's thread; a timeout names what was awaited. */
    private static ConditionFactory polling(String what, Duration interval) {
        return await(what).atMost(DRAIN_PATIENCE).pollDelay(Duration.ZERO).pollInterval(interval).pollInSameThread().dontCatchUncaughtExceptions();
    }

    private static List<JsonNode> tasks() {
        List<JsonNode> tasks = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = Api.require(Api.get(ServiceSpec.INSPECTION.baseUrl() + "/api/v1/inspections?size=200&page=" + page,
                    as(Roles.SUPERVISOR)), "the task list").body().path("items");
            items.forEach(tasks::add);
            if (items.size() < 200) {
                return tasks;
            }
        }
    }

    private static List<String> scan(List<String> containers) {
        PlatformCa ca = PlatformCa.loadOrCreate(CaCommand.directory(dataDirectory));
        PlatformCa.Issued portal = ca.issueScanner(new ScannerIdentity("RESILIENCE-PORTAL-1", "USLAX"), Duration.ofDays(1),
                CaCommand.directory(dataDirectory).resolve("scanners").resolve("RESILIENCE-PORTAL-1"));
        Instant start = Instant.now();
        List<String> scans = SimulatedScannerRun.stream(Path.of(System.getProperty("platform.home", "..")).toAbsolutePath().normalize(),
                List.of("--scans", Integer.toString(containers.size()), "--modality", "xray", "--scale", "0.5", "--seed", "7",
                        "--containers", String.join(",", containers), "--tls-dir", portal.certificate().getParent().toString()), OUT);
        OUT.printf("%d scans streamed over gRPC in %d s%n", scans.size(), Duration.between(start, Instant.now()).toSeconds());
        assertEquals(containers.size(), scans.size(), "every scan was acknowledged");
        return scans;
    }

    private static void awaitSomeAnalysedThenKillScanAnalysis(List<String> scans) throws SQLException {
        polling("a scan analysed", Duration.ofMillis(200))
                .until(() -> count(ServiceSpec.SCAN_ANALYSIS, "select count(*) from scan_analysis.scan where status = 'ANALYSED'"), n -> n > 0);
        int analysed = count(ServiceSpec.SCAN_ANALYSIS, "select count(*) from scan_analysis.scan where status = 'ANALYSED'");
        killAndRestart(ServiceSpec.SCAN_ANALYSIS).join();
        OUT.printf("scan-analysis-service SIGKILLed with %d of %d scans analysed%n", analysed, scans.size());
    }

    private static void recordOutcome(String taskId, Map<String, String> inspector, boolean violation) {
        String base = ServiceSpec.INSPECTION.baseUrl() + "/api/v1/inspections/" + taskId;
        Api.require(Api.post(base + "/claim", Map.of(), inspector), "claiming task " + taskId);
        Api.Reply current = Api.require(Api.get(base, inspector), "reading task " + taskId);
        Map<String, String> headers = new HashMap<>(inspector);
        headers.put("If-Match", current.header("ETag"));
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("examination", violation ? "FULL_PHYSICAL" : "NII_ONLY");
        outcome.put("sealsBefore", List.of("SL100001"));
        outcome.put("sealsAfter", List.of(violation ? "SL100002" : "SL100001"));
        outcome.put("result", violation ? "FINDINGS" : "NO_DISCREPANCY");
        if (violation) {
            outcome.put("findings", List.of(Map.of("category", "UNDECLARED_GOODS", "description", "found at examination", "quantity", 3,
                    "unit", "packages")));
        }
        outcome.put("action", violation ? "HOLD" : "RELEASE");
        outcome.put("minutesSpent", violation ? 90 : 20);
        Api.require(Api.put(base + "/outcome", outcome, headers), "recording the outcome of task " + taskId);
    }

    private static void awaitDrained(int scans) throws SQLException {
        polling("every scan analysed and every outbox drained", Duration.ofSeconds(1))
                .until(() -> drain(scans), drain -> drain.analysed() == scans && drain.pending() == 0);
    }

    private static Drain drain(int scans) throws SQLException {
        int analysed = count(ServiceSpec.SCAN_ANALYSIS, "select count(*) from scan_analysis.scan where status in ('ANALYSED', 'FAILED')");
        int pending = 0;
        for (ServiceSpec service : ServiceSpec.all()) {
            for (JsonNode outbox : Api.require(Api.get(service.baseUrl() + "/api/v1/admin/outboxes", as(Roles.SUPERVISOR)), "outboxes").body()) {
                pending += outbox.path("pending").asInt();
            }
        }
        return new Drain(analysed, scans, pending);
    }

    /** The analyses and outboxes at one look; a timeout reports them. */
    private record Drain(int analysed, int scans, int pending) {

        @Override
        public String toString() {
            return analysed + " of " + scans + " scans analysed and " + pending + " messages pending";
        }
    }

    private static void assertNothingLostNothingTwice(int filings, int scans) throws SQLException {
        assertEquals(filings, count(ServiceSpec.SELECTION, "select count(*) from selection.isf_filing"),
                "every filing stored once, though clients repeated requests a restart cut short");
        Set<String> handedOver = strings(ServiceSpec.SELECTION, "select decision_id::text from selection.inspection_handoff where kind = 'TASK'");
        Set<String> selectedFilings = strings(ServiceSpec.SELECTION, "select ordering_key from selection.inspection_handoff where kind = 'TASK'");
        List<String> liveTaskFilings = list(ServiceSpec.INSPECTION, "select filing_id::text from inspection.task where status <> 'CANCELLED'");
        assertEquals(selectedFilings, new HashSet<>(liveTaskFilings), "every selected shipment has a task");
        assertEquals(liveTaskFilings.size(), new HashSet<>(liveTaskFilings).size(), "and exactly one");
        assertEquals(handedOver, strings(ServiceSpec.INSPECTION, "select decision_id::text from inspection.task"));
        COUNTS.put("filings", filings);
        COUNTS.put("selected shipments", selectedFilings.size());
        COUNTS.put("tasks", liveTaskFilings.size());

        if (scans >= 0) {
            assertEquals(scans, count(ServiceSpec.SCAN_ANALYSIS, "select count(*) from scan_analysis.scan where status = 'ANALYSED'"),
                    "every scan analysed, the one a SIGKILL cut short included");
            Set<String> sent = strings(ServiceSpec.SCAN_ANALYSIS, "select scan_id from scan_analysis.finding_delivery where state = 'DELIVERED'");
            assertEquals(strings(ServiceSpec.SCAN_ANALYSIS, "select scan_id from scan_analysis.finding_delivery"), sent, "every finding delivered");
            assertEquals(sent, strings(ServiceSpec.INSPECTION, "select scan_id from inspection.scan_finding where task_id is not null"),
                    "every finding attached to its task");
            COUNTS.put("scans analysed", scans);
            COUNTS.put("findings attached", sent.size());
        }

        Set<String> outcomes = strings(ServiceSpec.INSPECTION, "select task_id || '/' || version from inspection.outcome_version");
        List<String> labels = list(ServiceSpec.SELECTION, "select inspection_id || '/' || outcome_version from selection.outcome_label");
        assertEquals(outcomes, new HashSet<>(labels), "every outcome reached selection's statistics");
        assertEquals(labels.size(), new HashSet<>(labels).size(), "and counted once");
        COUNTS.put("outcome labels", labels.size());

        JsonNode verification = Api.require(Api.get(ServiceSpec.SELECTION.baseUrl() + "/api/v1/audit/log/verify", Map.of()), "log verification")
                .body();
        assertTrue(verification.path("verified").asBoolean(), "the decision log verifies: " + verification);
        COUNTS.put("log entries verified", verification.path("entriesChecked").asInt());

        for (ServiceSpec service : ServiceSpec.all()) {
            for (JsonNode outbox : Api.require(Api.get(service.baseUrl() + "/api/v1/admin/outboxes", as(Roles.SUPERVISOR)), "outboxes").body()) {
                assertEquals(0, outbox.path("dead").asInt(), "no dead letters in " + service.name() + "'s " + outbox.path("name").asText());
            }
        }
    }

    private static int pendingHandoffs() throws SQLException {
        return count(ServiceSpec.SELECTION, "select count(*) from selection.inspection_handoff where state = 'PENDING'");
    }

    private static Map<String, String> as(String role) {
        return bearer(new TokenRequest(role, role, List.of(), null, Duration.ofHours(2)));
    }

    private static Map<String, String> bearer(TokenRequest request) {
        return Map.of("Authorization", "Bearer " + tokens.issue(request));
    }

    private static int count(ServiceSpec service, String sql) throws SQLException {
        return Integer.parseInt(list(service, sql).get(0));
    }

    private static Set<String> strings(ServiceSpec service, String sql) throws SQLException {
        return new HashSet<>(list(service, sql));
    }

    private static List<String> list(ServiceSpec service, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(service), "postgres", "postgres");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
