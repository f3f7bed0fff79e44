package org.opencustoms.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.demo.ApiClient;

import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The supervisors' reports (fairness by country of origin and by importer, compliance, KPIs) and the full verification
 * of the decision log through selection-service, at growing sizes of the log ({@link AuditData} generates the decisions
 * straight into its database). Each report covers the last 30 days, that is every decision generated. Baselines, by
 * plain JDBC on the same database in the same run: for the reports, the period's filings counted by origin, picks and
 * outcome in one GROUP BY; for the verification, reading every entry and rehashing its leaf.
 */
final class AuditBench {

    record Settings(List<Long> sizes, int repeats) {
    }

    /** Decisions of the service's own that the generated ones copy: enough for the traffic's mix of parties, ports and lanes. */
    private static final int TEMPLATES = 200;
    private static final Duration PATIENCE = Duration.ofMinutes(30);
    private static final Map<String, String> REPORTS = reports();

    /**
     * The floor of a report: the period's filings counted by origin, picks and outcome in one plain GROUP BY over the same
     * tables (each filing's latest outcome by one DISTINCT ON, the simplest plan PostgreSQL runs fast), written apart from
     * the service's queries.
     */
    private static final String REPORT_COUNTS = """
            SELECT v.country_of_origin, count(*), count(*) FILTER (WHERE d.picked_by_risk), count(*) FILTER (WHERE d.picked_at_random),
                   count(o.violation_found), count(*) FILTER (WHERE o.violation_found)
              FROM selection.selection_decision d
              JOIN selection.isf_filing_version v ON v.filing_id = d.filing_id AND v.version = d.filing_version
              LEFT JOIN (SELECT DISTINCT ON (l.decision_id) l.decision_id, l.violation_found FROM selection.outcome_label l
                          ORDER BY l.decision_id, l.outcome_version DESC) o ON o.decision_id = d.id
             WHERE d.decided_at >= now() - interval '30 days'
             GROUP BY 1
            """;

    private final ApiClient selection;
    private final Workload filings;
    private final Map<String, String> supervisor;
    private final String databaseUrl;
    private final String databaseUser;
    private final PrintStream out;

    AuditBench(ApiClient selection, Workload filings, Map<String, String> supervisor, String selectionDatabaseUrl, String databaseUser,
               PrintStream out) {
        this.selection = selection;
        this.filings = filings;
        this.supervisor = supervisor;
        this.databaseUrl = selectionDatabaseUrl;
        this.databaseUser = databaseUser;
        this.out = out;
    }

    List<AuditResult> run(Settings settings) throws Exception {
        AuditData data = new AuditData(databaseUrl, databaseUser, databaseUser);
        long made = data.templates();
        if (made < TEMPLATES) {
            out.printf(Locale.ROOT, "audit: filing %d shipments through the API first, for the service's own decisions to copy%n", TEMPLATES - made);
            for (long i = made; i < TEMPLATES; i++) {
                filings.prepare(i).run();
            }
        }
        List<AuditResult> results = new ArrayList<>();
        for (long size : settings.sizes()) {
            long held = data.decisions();
            if (held > size) {
                out.printf(Locale.ROOT, "audit: the log already holds %,d decisions, more than %,d: measured at %,d%n", held, size, held);
            }
            out.printf(Locale.ROOT, "audit: generating %,d decisions straight into the database, up to %,d%n", Math.max(0, size - held), size);
            long started = System.nanoTime();
            data.growTo(size);
            double generated = (System.nanoTime() - started) / 1e9;
            long decisions = data.decisions();
            out.printf(Locale.ROOT, "audit: %,d decisions in the log (generated in %.1f s); each report %d times, the verification once%n",
                    decisions, generated, settings.repeats());
            results.add(measure(decisions, generated, settings.repeats()));
        }
        print(results);
        return results;
    }

    private AuditResult measure(long decisions, double generated, int repeats) throws SQLException {
        List<AuditResult.Timing> timings = new ArrayList<>();
        double countsBaseline = Median.of(repeat(repeats, this::countReportRows));
        for (Map.Entry<String, String> report : REPORTS.entrySet()) {
            double[] millis = repeat(repeats, () -> report(report.getValue(), decisions));
            timings.add(new AuditResult.Timing(report.getKey(), millis[0], Median.of(millis), countsBaseline));
        }
        double verified = timed(() -> verify(decisions));
        timings.add(new AuditResult.Timing("log verification", verified, verified, timed(this::rehashLeaves)));
        return new AuditResult(decisions, generated, timings);
    }

    /** Asks for one report and checks it covers the log: a report of fewer decisions would be timed on less work. */
    private void report(String path, long decisions) {
        JsonNode report = get(path);
        long filings = report.path("basis").path("filings").asLong(-1);
        long head = report.path("basis").path("treeHead").path("treeSize").asLong(-1);
        if (head != decisions || filings < decisions * 0.99) {
            throw new PlatformException(path + " covered " + filings + " filings at tree size " + head + ", not the log's " + decisions);
        }
    }

    private void verify(long decisions) {
        JsonNode verification = get("/api/v1/audit/log/verify");
        if (!verification.path("verified").asBoolean() || verification.path("entriesChecked").asLong() != decisions) {
            throw new PlatformException("the log of " + decisions + " decisions did not verify: " + verification);
        }
    }

    private JsonNode get(String path) {
        ApiClient.Reply reply = selection.get(path, supervisor, PATIENCE);
        if (reply.status() != 200) {
            throw new PlatformException("GET " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    /** The baseline of the reports: the period's filings counted by origin in PostgreSQL, the counts read by plain JDBC. */
    private void countReportRows() throws SQLException {
        long filings = 0;
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(REPORT_COUNTS);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                filings += rows.getLong(2);
            }
        }
        if (filings == 0) {
            throw new PlatformException("the baseline counted no filings in the last 30 days");
        }
    }

    /** The baseline of the verification: every entry read in order by plain JDBC and its leaf rehashed. */
    private void rehashLeaves() throws SQLException {
        MessageDigest sha256 = sha256();
        long mismatches = 0;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT entry, leaf_hash FROM selection.decision_log_entry ORDER BY log_index")) {
                query.setFetchSize(10_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sha256.update((byte) 0);
                        mismatches += Arrays.equals(sha256.digest(rows.getBytes(1)), rows.getBytes(2)) ? 0 : 1;
                    }
                }
            }
            connection.commit();
        }
        if (mismatches > 0) {
            throw new PlatformException(mismatches + " leaves of the log do not match their stored hashes");
        }
    }

    private void print(List<AuditResult> results) {
        out.println(String.format(Locale.ROOT, "%-12s %-28s %10s %10s %12s %7s", "decisions", "request", "first ms", "median ms",
                "baseline ms", "ratio"));
        for (AuditResult result : results) {
            for (AuditResult.Timing timing : result.timings()) {
                out.println(String.format(Locale.ROOT, "%-12s %-28s %,10.0f %,10.0f %,12.0f %7.2f", String.format(Locale.ROOT, "%,d",
                        result.decisions()), timing.name(), timing.firstMillis(), timing.medianMillis(), timing.baselineMillis(), timing.ratio()));
            }
        }
        out.println("baselines (plain JDBC on the same database): for the reports, the period's filings counted by origin, picks and "
                + "outcome in one GROUP BY; for the verification, reading every entry and rehashing its leaf. ratio = median / baseline.");
    }

    private static Map<String, String> reports() {
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("fairness by origin", "/api/v1/audit/fairness?groupBy=origin");
        reports.put("fairness by importer", "/api/v1/audit/fairness?groupBy=importer");
        reports.put("compliance", "/api/v1/audit/compliance");
        reports.put("KPIs", "/api/v1/audit/kpis");
        return reports;
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static double[] repeat(int times, Work work) throws SQLException {
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            millis[i] = timed(work);
        }
        return millis;
    }

    private static double timed(Work work) throws SQLException {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, databaseUser, databaseUser);
    }
}
