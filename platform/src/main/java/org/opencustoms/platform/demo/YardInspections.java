package org.opencustoms.platform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.cli.ServiceSpec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Inspectors working the tasks selection handed over, through the same API calls as the tablet app:
 * claim, read the task (its ETag is the version), record the outcome with If-Match and an Idempotency-Key.
 */
final class YardInspections {

    private static final long HANDOFF_WAIT_MILLIS = 30_000;
    private static final List<String> CATEGORIES = List.of("MISDECLARED_GOODS", "MISDECLARED_QUANTITY", "MISDECLARED_VALUE", "UNDECLARED_GOODS");

    private final ApiClient inspection = new ApiClient(ServiceSpec.INSPECTION.baseUrl());
    private final Map<String, String> inspector;
    private final Map<String, String> supervisor;
    private final PrintStream out;
    private final Random random;

    YardInspections(Map<String, String> inspector, Map<String, String> supervisor, long seed, PrintStream out) {
        this.inspector = inspector;
        this.supervisor = supervisor;
        this.random = new Random(seed);
        this.out = out;
    }

    /** Waits for the hand-offs of {@code expected} selections, then records an outcome for each task; returns counts. */
    Map<String, Integer> work(int expected) {
        List<JsonNode> tasks = awaitTasks(expected);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("inspection tasks received", tasks.size());
        for (JsonNode task : tasks) {
            String id = task.path("id").asText();
            require(inspection.post("/api/v1/inspections/" + id + "/claim", Map.of(), inspector), "to claim task " + id);
            ApiClient.Reply current = inspection.get("/api/v1/inspections/" + id, inspector);
            require(current, "to read task " + id);
            Map<String, String> headers = new HashMap<>(inspector);
            headers.put("If-Match", current.header("ETag"));
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
            boolean violation = random.nextDouble() < 0.25;
            ApiClient.Reply recorded = inspection.put("/api/v1/inspections/" + id + "/outcome", outcome(violation), headers);
            require(recorded, "to record the outcome of task " + id);
            counts.merge("outcomes recorded", 1, Integer::sum);
            if (violation) {
                counts.merge("outcomes with a violation", 1, Integer::sum);
            }
        }
        out.printf("    %d tasks received from selection; %d outcomes recorded, %d with a violation%n", tasks.size(),
                counts.getOrDefault("outcomes recorded", 0), counts.getOrDefault("outcomes with a violation", 0));
        return counts;
    }

    private List<JsonNode> awaitTasks(int expected) {
        long deadline = System.currentTimeMillis() + HANDOFF_WAIT_MILLIS;
        List<JsonNode> open = List.of();
        while (System.currentTimeMillis() < deadline) {
            ApiClient.Reply reply = inspection.get("/api/v1/inspections?status=OPEN&size=200", supervisor);
            require(reply, "to list open tasks");
            open = new ArrayList<>();
            reply.body().path("items").forEach(open::add);
            if (open.size() >= expected) {
                break;
            }
            sleep();
        }
        return open;
    }

    private Map<String, Object> outcome(boolean violation) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("examination", violation ? "FULL_PHYSICAL" : "NII_ONLY");
        outcome.put("sealsBefore", List.of("SL" + (100_000 + random.nextInt(900_000))));
        outcome.put("sealsAfter", List.of("SL" + (100_000 + random.nextInt(900_000))));
        outcome.put("result", violation ? "FINDINGS" : "NO_DISCREPANCY");
        if (violation) {
            outcome.put("findings", List.of(Map.of("category", CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                    "description", "found at examination", "quantity", 1 + random.nextInt(40), "unit", "packages")));
        }
        outcome.put("action", violation ? "HOLD" : "RELEASE");
        outcome.put("minutesSpent", violation ? 60 + random.nextInt(120) : 10 + random.nextInt(30));
        return outcome;
    }

    private static void require(ApiClient.Reply reply, String what) {
        if (!reply.ok()) {
            throw new PlatformException("inspection-service refused " + what + " (" + reply.status() + "): " + reply.body());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting for inspection tasks");
        }
    }
}
