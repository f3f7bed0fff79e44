package org.opencustoms.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.demo.ApiClient;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real inspection tasks for the inspection benchmark: filings go through selection-service until its hand-offs have
 * given inspection-service enough open tasks, and the bench's inspector claims them. Tasks from real decisions, so
 * that the outcomes' feedback is accepted by selection, as in production.
 */
final class InspectionTasks {

    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final int PAGE = 200;

    private final ApiClient inspection;
    private final Map<String, String> inspector;
    private final Map<String, String> supervisor;
    private final PrintStream out;

    InspectionTasks(ApiClient inspection, Map<String, String> inspector, Map<String, String> supervisor, PrintStream out) {
        this.inspection = inspection;
        this.inspector = inspector;
        this.supervisor = supervisor;
        this.out = out;
    }

    /** Files filings in 2 s bursts at {@code connections} until {@code count} tasks are open, then claims them. */
    List<OutcomeWorkload.ClaimedTask> claim(int count, LoadDriver driver, Workload filings, int connections) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> open = open(count);
        while (open.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new PlatformException("after " + PATIENCE.toMinutes() + " min of filings only " + open.size() + " of " + count
                        + " inspection tasks are open: are selections reaching inspection-service?");
            }
            LoadResult filed = driver.closedLoop("filings for tasks", filings, connections, Duration.ofSeconds(2));
            if (filed.failed() > 0) {
                throw new PlatformException("filings for the inspection tasks failed: " + filed.firstFailure());
            }
            open = open(count);
        }
        out.printf("inspection: %d open tasks from real selections; claiming them as the bench's inspector%n", open.size());
        List<OutcomeWorkload.ClaimedTask> claimed = new ArrayList<>();
        for (String id : open) {
            ApiClient.Reply reply = inspection.post("/api/v1/inspections/" + id + "/claim", Map.of(), inspector);
            if (!reply.ok()) {
                throw new PlatformException("inspection-service refused to let the bench's inspector claim task " + id + " ("
                        + reply.status() + "): " + reply.body());
            }
            claimed.add(new OutcomeWorkload.ClaimedTask(id, reply.header("ETag"), false));
        }
        return claimed;
    }

    private List<String> open(int count) {
        ApiClient.Reply reply = inspection.get("/api/v1/inspections?status=OPEN&size=" + Math.min(PAGE, count), supervisor);
        if (!reply.ok()) {
            throw new PlatformException("inspection-service refused to list its open tasks (" + reply.status() + "): " + reply.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode task : reply.body().path("items")) {
            ids.add(task.path("id").asText());
        }
        return ids;
    }
}
