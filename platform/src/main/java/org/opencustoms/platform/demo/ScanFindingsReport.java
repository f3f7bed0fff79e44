package org.opencustoms.platform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencustoms.platform.cli.ServiceSpec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits for scan-analysis-service to analyse the streamed scans and prints what it found, as an
 * analyst would read it from {@code GET /api/v1/scans/{id}/analysis}.
 */
final class ScanFindingsReport {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final ApiClient scanAnalysis = new ApiClient(ServiceSpec.SCAN_ANALYSIS.baseUrl());
    private final Map<String, String> supervisor;
    private final PrintStream out;

    ScanFindingsReport(Map<String, String> supervisor, PrintStream out) {
        this.supervisor = supervisor;
        this.out = out;
    }

    /** Returns counts for the demo's summary. */
    Map<String, Integer> await(List<String> scanIds, Map<String, String> containers) {
        int analysed = 0;
        int failed = 0;
        int withRegions = 0;
        int delivered = 0;
        for (String scanId : scanIds) {
            JsonNode analysis = awaitDone(scanId);
            String status = analysis.path("status").asText();
            if (!"ANALYSED".equals(status)) {
                failed++;
                out.printf("    %s  %s: %s%n", scanId, status, analysis.path("error").asText("still waiting"));
                continue;
            }
            analysed++;
            int regions = analysis.path("regions").size();
            withRegions += regions > 0 ? 1 : 0;
            JsonNode timings = analysis.path("timings");
            out.printf("    %s  container %s: threat %.2f, %d region%s%s, empty %.2f; %.0f ms for %.1f MP (%.0f ms/MP), waited %.0f ms%n",
                    scanId, containers.getOrDefault(scanId, "?"), analysis.path("threatScore").asDouble(), regions, regions == 1 ? "" : "s",
                    regions > 0 ? " (best " + String.format("%.2f", analysis.path("regions").get(0).path("score").asDouble()) + ")" : "",
                    analysis.path("emptyScore").asDouble(), timings.path("analysisMillis").asDouble(), timings.path("megapixels").asDouble(),
                    timings.path("millisPerMegapixel").asDouble(), timings.path("waitedMillis").asDouble());
            delivered += awaitDelivered(scanId) ? 1 : 0;
        }
        out.printf("    model %s; findings delivered to inspection-service: %d of %d%n",
                scanIds.isEmpty() ? "-" : scanAnalysis.get("/api/v1/scans/" + scanIds.get(0) + "/analysis", supervisor).body().path("modelVersion").asText("-"),
                delivered, analysed);
        if (!scanIds.isEmpty()) {
            out.printf("    the rendition with its regions (with a supervisor's token): %s/api/v1/scans/%s/analysis/rendition%n",
                    ServiceSpec.SCAN_ANALYSIS.baseUrl(), scanIds.get(0));
        }
        return Map.of("scans analysed", analysed, "scans failed analysis", failed, "scans with suspect regions", withRegions,
                "scan findings delivered to inspection", delivered);
    }

    private JsonNode awaitDone(String scanId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            ApiClient.Reply reply = scanAnalysis.get("/api/v1/scans/" + scanId + "/analysis", supervisor);
            String status = reply.body().path("status").asText();
            if (!reply.ok() || "ANALYSED".equals(status) || "FAILED".equals(status) || System.nanoTime() > deadline) {
                return reply.body();
            }
            pause();
        }
    }

    /** The relay sends findings every few seconds; a finding still PENDING after 30 s is reported as such. */
    private boolean awaitDelivered(String scanId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String findings = scanAnalysis.get("/api/v1/scans/" + scanId + "/analysis", supervisor).body().path("findings").asText();
            if ("DELIVERED".equals(findings)) {
                return true;
            }
            if ("REJECTED".equals(findings)) {
                return false;
            }
            pause();
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
