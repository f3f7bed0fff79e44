package org.opencustoms.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Outcomes recorded through inspection-service's API as the tablet records them: {@code PUT .../outcome} by the inspector
 * who claimed the task, with the task's ETag in If-Match and an Idempotency-Key. Each task of a pool of claimed tasks
 * takes one outcome after another, the first and then corrections, each with its reason: a correction writes the same
 * rows as a first outcome (a new outcome version, the task, its event, the feedback to selection, the idempotency
 * record), so a pool of real tasks, from real decisions whose feedback selection accepts, serves any number of units.
 * A unit takes a task nobody is recording for; it succeeds on 200, and the task goes back with its new ETag. Every task
 * gathers thousands of corrections in a run, which no real task does: what the service reads per request that grows
 * with a task's history (its events) costs more as the run goes on.
 */
final class OutcomeWorkload implements Workload {

    /** A task claimed by the inspector, its version as last seen, and whether it has an outcome yet. */
    record ClaimedTask(String id, String etag, boolean recorded) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String inspectionUrl;
    private final String inspectorToken;
    private final BlockingQueue<ClaimedTask> free;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    OutcomeWorkload(String inspectionUrl, String inspectorToken, List<ClaimedTask> tasks) {
        this.inspectionUrl = inspectionUrl;
        this.inspectorToken = inspectorToken;
        // fair: a worker that has just put a task back must not take it again before one that has waited longer
        this.free = new ArrayBlockingQueue<>(tasks.size(), true, tasks);
    }

    /**
     * The bodies are serialised here, untimed; the task is taken in the unit, when it is due, so that a worker waiting
     * for its due time holds none. Waiting for a free task is timed: it is the queue of a yard whose every task is
     * being recorded.
     */
    @Override
    public Unit prepare(long index) throws Exception {
        boolean violation = index % 4 == 0;
        byte[] first = JSON.writeValueAsBytes(outcome(violation, false, index));
        byte[] correction = JSON.writeValueAsBytes(outcome(violation, true, index));
        return () -> {
            ClaimedTask task = free.take();
            ClaimedTask after = task;
            try {
                HttpResponse<String> response = http.send(request(task, task.recorded() ? correction : first), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    after = reread(task);
                    throw new IOException("inspection-service answered " + response.statusCode() + ": " + response.body());
                }
                after = new ClaimedTask(task.id(), response.headers().firstValue("ETag").orElse(task.etag()), true);
            } finally {
                free.put(after); // always back: a task lost to an exception would leave the next workers waiting for ever
            }
        };
    }

    private HttpRequest request(ClaimedTask task, byte[] body) {
        return HttpRequest.newBuilder(URI.create(inspectionUrl + "/api/v1/inspections/" + task.id() + "/outcome"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + inspectorToken)
                .header("If-Match", task.etag())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** The task as it stands after a refused recording, so that the next one sends its current version; as it was if unreadable. */
    private ClaimedTask reread(ClaimedTask task) {
        try {
            HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(inspectionUrl + "/api/v1/inspections/" + task.id()))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + inspectorToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (current.statusCode() != 200) {
                return task;
            }
            JsonNode view = JSON.readTree(current.body());
            return new ClaimedTask(task.id(), current.headers().firstValue("ETag").orElse(task.etag()), !view.path("outcome").isMissingNode()
                    && !view.path("outcome").isNull());
        } catch (IOException e) {
            return task;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return task;
        }
    }

    /** The outcome the bench records: every fourth one with a violation found. */
    static Map<String, Object> outcome(boolean violation, boolean correction, long index) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("examination", violation ? "FULL_PHYSICAL" : "NII_ONLY");
        outcome.put("sealsBefore", List.of("SL" + (100_000 + index % 900_000)));
        outcome.put("sealsAfter", List.of("SL" + (100_000 + (index * 7) % 900_000)));
        outcome.put("result", violation ? "FINDINGS" : "NO_DISCREPANCY");
        if (violation) {
            outcome.put("findings", List.of(Map.of("category", "MISDECLARED_QUANTITY", "description", "found at examination",
                    "quantity", 1 + index % 40, "unit", "packages")));
        }
        outcome.put("action", violation ? "HOLD" : "RELEASE");
        outcome.put("minutesSpent", violation ? 90 : 20);
        if (correction) {
            outcome.put("correctionReason", "recount at the examination bay");
        }
        return outcome;
    }
}
