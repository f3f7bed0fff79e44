package org.opencustoms.inspection.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencustoms.inspection.db.Db;
import org.opencustoms.inspection.db.Json;
import org.opencustoms.inspection.outcome.OutcomeRequest;
import org.opencustoms.inspection.task.Task;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label selection-service learns from, written in the outcome's own transaction (every version,
 * corrections included) and delivered afterwards by {@link FeedbackRelay}.
 */
@ApplicationScoped
public class FeedbackOutbox {

    private final Json json;

    @Inject
    public FeedbackOutbox(Json json) {
        this.json = json;
    }

    public void enqueue(Db.Tx tx, Task task, int outcomeVersion, OutcomeRequest outcome, Instant recordedAt) {
        List<String> categories = outcome.findings() == null ? List.of()
                : outcome.findings().stream().map(OutcomeRequest.Finding::category).distinct().sorted().toList();
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("inspectionId", task.id());
        label.put("decisionId", task.decisionId());
        label.put("outcomeVersion", outcomeVersion);
        label.put("violationFound", outcome.violationFound());
        label.put("category", categories.isEmpty() ? null : categories.get(0));
        label.put("categories", categories);
        label.put("examination", outcome.examination());
        label.put("action", outcome.action());
        label.put("correction", outcomeVersion > 1);
        label.put("recordedAt", recordedAt.toString());
        tx.query("insert into inspection.feedback_outbox (task_id, outcome_version, payload, state, attempts, created_at, ordering_key) "
                + "values ($1, $2, $3::text::jsonb, 'PENDING', 0, now(), $4)", task.id(), outcomeVersion, json.write(label), task.id().toString());
    }
}
