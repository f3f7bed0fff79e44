package org.opencustoms.inspection.outcome;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencustoms.inspection.db.Db;
import org.opencustoms.inspection.db.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OutcomeRepository {

    private final Db db;
    private final Json json;

    @Inject
    public OutcomeRepository(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    int latestVersion(Db.Tx tx, UUID taskId) {
        return tx.query("select coalesce(max(version), 0) from inspection.outcome_version where task_id = $1", taskId).iterator().next().getInteger(0);
    }

    void insert(Db.Tx tx, UUID taskId, int version, OutcomeRequest outcome, String recordedBy, Instant at) {
        tx.query("insert into inspection.outcome_version (task_id, version, payload, violation_found, correction_reason, recorded_by, recorded_at) "
                        + "values ($1, $2, $3::jsonb, $4, $5, $6, $7)",
                taskId, version, json.write(outcome), outcome.violationFound(), outcome.correctionReason(), recordedBy, Db.utc(at));
    }

    public Optional<RecordedOutcome> latest(UUID taskId) {
        List<RecordedOutcome> all = versions(taskId, "order by version desc limit 1");
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public List<RecordedOutcome> history(UUID taskId) {
        return versions(taskId, "order by version");
    }

    private List<RecordedOutcome> versions(UUID taskId, String order) {
        RowSet<Row> rows = db.query("select version, payload, recorded_by, recorded_at from inspection.outcome_version where task_id = $1 " + order, taskId);
        List<RecordedOutcome> outcomes = new ArrayList<>();
        rows.forEach(row -> outcomes.add(new RecordedOutcome(row.getInteger("version"), Db.instant(row, "recorded_at"),
                row.getString("recorded_by"), json.read(row.getValue("payload"), OutcomeRequest.class))));
        return outcomes;
    }

    /** The outcome as callers see it: the recorded fields plus version, time and author. */
    public record RecordedOutcome(int version, Instant recordedAt, String recordedBy, OutcomeRequest outcome) {

        public ObjectNode toJson(Json json) {
            ObjectNode node = json.mapper().valueToTree(outcome);
            node.put("version", version);
            node.put("recordedAt", recordedAt.toString());
            node.put("recordedBy", recordedBy);
            return node;
        }
    }
}
