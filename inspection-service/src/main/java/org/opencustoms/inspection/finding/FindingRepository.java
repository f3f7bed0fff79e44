package org.opencustoms.inspection.finding;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencustoms.inspection.db.Db;
import org.opencustoms.inspection.db.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FindingRepository {

    private final Db db;
    private final Json json;

    @Inject
    public FindingRepository(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    /** Stores the finding unless its scan id is known; returns the stored one and whether it is new. */
    public Recorded record(Db.Tx tx, UUID taskId, ScanFindingRequest finding) {
        RowSet<Row> inserted = tx.query("insert into inspection.scan_finding (scan_id, task_id, container_number, payload, received_at) "
                        + "values ($1, $2, $3, $4::jsonb, now()) on conflict (scan_id) do nothing returning scan_id, task_id, payload",
                finding.scanId(), taskId, finding.containerNumber(), json.write(finding));
        if (inserted.rowCount() == 1) {
            return new Recorded(toStored(inserted.iterator().next()), true);
        }
        return new Recorded(toStored(tx.query("select scan_id, task_id, payload from inspection.scan_finding where scan_id = $1",
                finding.scanId()).iterator().next()), false);
    }

    /** Attaches findings that arrived before the task, by container number; returns how many. */
    public int attachWaiting(Db.Tx tx, UUID taskId, List<String> containers) {
        return tx.query("update inspection.scan_finding set task_id = $1 where task_id is null and container_number = any($2)",
                taskId, containers.toArray(String[]::new)).rowCount();
    }

    private static final String FOR_TASK = "select scan_id, task_id, payload from inspection.scan_finding where task_id = $1 "
            + "order by received_at, scan_id";

    public List<StoredFinding> forTask(UUID taskId) {
        return stored(db.query(FOR_TASK, taskId));
    }

    /**
     * The task's findings, read in {@code tx}: a transaction that took a second connection from the pool for them would
     * hold one while waiting for another, and as many such requests as the pool has connections would wait on each
     * other until the pool's timeout failed them all.
     */
    public List<StoredFinding> forTask(Db.Tx tx, UUID taskId) {
        return stored(tx.query(FOR_TASK, taskId));
    }

    private List<StoredFinding> stored(RowSet<Row> rows) {
        List<StoredFinding> findings = new ArrayList<>();
        rows.forEach(row -> findings.add(toStored(row)));
        return findings;
    }

    public Optional<StoredFinding> find(String scanId) {
        RowSet<Row> rows = db.query("select scan_id, task_id, payload from inspection.scan_finding where scan_id = $1", scanId);
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(toStored(rows.iterator().next()));
    }

    private StoredFinding toStored(Row row) {
        return new StoredFinding(row.getString("scan_id"), row.getUUID("task_id"), json.read(row.getValue("payload"), ScanFindingRequest.class));
    }

    public record StoredFinding(String scanId, UUID taskId, ScanFindingRequest finding) {
    }

    public record Recorded(StoredFinding finding, boolean created) {
    }
}
