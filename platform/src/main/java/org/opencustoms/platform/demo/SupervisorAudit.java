package org.opencustoms.platform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.cli.ServiceSpec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The supervisor's view at the end of a shift: the fairness, compliance and KPI reports of the last 30
 * days, read from selection-service once the inspections' outcome labels have reached it.
 */
final class SupervisorAudit {

    private static final long LABEL_WAIT_MILLIS = 30_000;
    private static final long QUIET_MILLIS = 8_000;

    private final ApiClient selection = new ApiClient(ServiceSpec.SELECTION.baseUrl());
    private final Map<String, String> supervisor;
    private final PrintStream out;

    SupervisorAudit(Map<String, String> supervisor, PrintStream out) {
        this.supervisor = supervisor;
        this.out = out;
    }

    /** Filings of the last 30 days with an outcome, as selection-service knows them now. */
    long labelledFilings() {
        return report("/api/v1/audit/kpis").path("basis").path("inspected").asLong();
    }

    /**
     * Waits until {@code expected} filings carry outcomes, or until inspection-service's relay has gone
     * quiet (outcomes of tasks decided before the period never count), at most 30 s.
     */
    void awaitLabels(long expected) {
        long start = System.currentTimeMillis();
        long lastChange = start;
        long seen = labelledFilings();
        while (seen < expected && System.currentTimeMillis() - start < LABEL_WAIT_MILLIS
                && System.currentTimeMillis() - lastChange < QUIET_MILLIS) {
            sleep();
            long now = labelledFilings();
            if (now != seen) {
                seen = now;
                lastChange = System.currentTimeMillis();
            }
        }
    }

    void print() {
        JsonNode compliance = report("/api/v1/audit/compliance");
        JsonNode fairness = report("/api/v1/audit/fairness?groupBy=origin");
        JsonNode kpis = report("/api/v1/audit/kpis");
        JsonNode basis = compliance.path("basis");
        out.printf("    period %s to %s, all ports: %d filings, %d with an outcome; log tree head size %d%n",
                basis.path("from").asText().substring(0, 10), basis.path("to").asText().substring(0, 16), basis.path("filings").asLong(),
                basis.path("inspected").asLong(), basis.path("treeHead").path("treeSize").asLong());

        JsonNode all = compliance.path("allTraffic");
        out.printf("    compliance of all traffic: %s from %d inspected random picks (%d awaiting an outcome)%n",
                all.path("violationRate").isNull() ? "no estimate yet" : rate(all.path("violationRate"), all.path("lower"), all.path("upper")),
                all.path("sampled").asLong(), all.path("awaitingOutcome").asLong());
        JsonNode riskHits = compliance.path("riskPicks").path("hits");
        out.printf("    risk picks' hit rate: %s (%d/%d); lift of targeting over random: %s%n",
                riskHits.path("rate").isNull() ? "-" : rate(riskHits.path("rate"), riskHits.path("lower"), riskHits.path("upper")),
                riskHits.path("count").asLong(), riskHits.path("of").asLong(),
                compliance.path("lift").isNull() ? "-" : String.format(Locale.ROOT, "%.1f x", compliance.path("lift").asDouble()));

        int groups = fairness.path("groups").size();
        long judged = 0;
        for (JsonNode group : fairness.path("groups")) {
            judged += group.path("judged").asBoolean() ? 1 : 0;
        }
        out.printf("    fairness by country of origin: %d groups, %d judged, %d too few to judge (under %d filings)%n", groups, judged,
                groups - judged, fairness.path("method").path("minFilings").asInt());
        if (fairness.path("flags").isEmpty()) {
            out.println("      no group flagged");
        }
        fairness.path("flags").forEach(flag -> out.println("      FLAG " + flag.path("kind").asText() + ": " + flag.path("message").asText()));
        out.println("      random picks: " + fairness.path("randomIndependence").path("verdict").asText());

        JsonNode latency = kpis.path("filingToDecisionMillis");
        out.printf("    KPIs: examination rate %s, late filings %s, filing to decision p50 %.0f ms / p95 %.0f ms, %.1f decisions a day%n",
                percent(kpis.path("examinationRate").path("rate")), percent(kpis.path("lateFilings").path("rate")),
                latency.path("p50").asDouble(), latency.path("p95").asDouble(), kpis.path("decisionsPerDay").asDouble());
    }

    private JsonNode report(String path) {
        ApiClient.Reply reply = selection.get(path, supervisor);
        if (!reply.ok()) {
            throw new PlatformException("selection-service refused the supervisor's report " + path + " (" + reply.status() + "): " + reply.body());
        }
        return reply.body();
    }

    private static String rate(JsonNode rate, JsonNode lower, JsonNode upper) {
        return String.format(Locale.ROOT, "%s [%s - %s]", percent(rate), percent(lower), percent(upper));
    }

    private static String percent(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "-" : String.format(Locale.ROOT, "%.1f %%", value.asDouble() * 100);
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting for outcome labels");
        }
    }
}
