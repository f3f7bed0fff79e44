package org.opencustoms.inspection.task;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencustoms.inspection.db.Db;
import org.opencustoms.inspection.db.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.opencustoms.inspection.db.Db.instant;
import static org.opencustoms.inspection.db.Db.utc;

@ApplicationScoped
public class TaskRepository {

    static final String COLUMNS = "id, decision_id, filing_id, filing_version, shipment_key, port, lane, containers, bill_of_lading, reasons, "
            + "risk_score, picked_at_random, estimated_arrival_at, due_at, status, assignee, version, created_at, updated_at, submitted_at, importer_party";
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    private final Db db;
    private final Json json;
    private final SecurityIdentity identity;

    @Inject
    public TaskRepository(Db db, Json json, SecurityIdentity identity) {
        this.db = db;
        this.json = json;
        this.identity = identity;
    }

    /** Inserts the task unless its decision already has one; returns the stored task and whether it is new. */
    public Created insertIfAbsent(Db.Tx tx, Task task) {
        RowSet<Row> inserted = tx.query("insert into inspection.task (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, "
                        + "$11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) on conflict (decision_id) do nothing returning " + COLUMNS,
                task.id(), task.decisionId(), task.filingId(), task.filingVersion(), task.shipmentKey(), task.port(), task.lane(),
                task.containers().toArray(String[]::new), task.billOfLading(), json.write(task.reasons()), task.riskScore(),
                task.pickedAtRandom(), utc(task.estimatedArrivalAt()), utc(task.dueAt()), task.status().name(), task.assignee(),
                task.version(), utc(task.createdAt()), utc(task.updatedAt()), utc(task.submittedAt()), task.importerParty());
        if (inserted.rowCount() == 1) {
            return new Created(toTask(inserted.iterator().next()), true);
        }
        RowSet<Row> existing = tx.query("select " + COLUMNS + " from inspection.task where decision_id = $1", task.decisionId());
        return new Created(toTask(existing.iterator().next()), false);
    }

    public Optional<Task> find(UUID id) {
        return first(db.query("select " + COLUMNS + " from inspection.task where id = $1", id));
    }

    public Optional<Task> findForUpdate(Db.Tx tx, UUID id) {
        return first(tx.query("select " + COLUMNS + " from inspection.task where id = $1 for update", id));
    }

    /** A state change guarded by the current state; empty when the guard did not hold. */
    public Optional<Task> update(Db.Tx tx, UUID id, String setClause, String guard, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = id;
        System.arraycopy(args, 0, all, 1, args.length);
        return first(tx.query("update inspection.task set " + setClause + ", version = version + 1, updated_at = now() where id = $1 and ("
                + guard + ") returning " + COLUMNS, all));
    }

    public Page list(TaskFilter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("true");
        condition(where, args, "status = $", filter.status());
        condition(where, args, "port = $", filter.port());
        if (filter.ports() != null) {
            args.add(filter.ports().toArray(String[]::new));
            where.append(" and port = any($").append(args.size()).append(")");
        }
        condition(where, args, "assignee = $", filter.assignee());
        condition(where, args, "lane = $", filter.lane());
        condition(where, args, "due_at < $", utc(filter.dueBefore()));
        long total = db.query("select count(*) from inspection.task where " + where, args.toArray()).iterator().next().getLong(0);
        args.add(size);
        args.add((long) page * size);
        RowSet<Row> rows = db.query("select " + COLUMNS + " from inspection.task where " + where + " order by due_at, created_at, id limit $"
                + (args.size() - 1) + " offset $" + args.size(), args.toArray());
        List<Task> tasks = new ArrayList<>();
        rows.forEach(row -> tasks.add(toTask(row)));
        return new Page(tasks, total);
    }

    /** Records who did what to the task; the actor's role comes from the caller's token (none outside a request). */
    public void recordEvent(Db.Tx tx, UUID taskId, String actor, String kind, String detail) {
        tx.query("insert into inspection.task_event (task_id, at, actor, actor_role, kind, detail) values ($1, now(), $2, $3, $4, $5)",
                taskId, actor, callerRole(), kind, detail);
    }

    private String callerRole() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return identity.getRoles().stream().sorted().findFirst().orElse(null);
    }

    private static void condition(StringBuilder where, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            where.append(" and ").append(clause).append(args.size());
        }
    }

    private Optional<Task> first(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(toTask(rows.iterator().next()));
    }

    Task toTask(Row row) {
        return new Task(
                row.getUUID("id"),
                row.getUUID("decision_id"),
                row.getUUID("filing_id"),
                row.getInteger("filing_version"),
                row.getString("shipment_key"),
                row.getString("port"),
                row.getString("lane"),
                List.of(row.getArrayOfStrings("containers")),
                row.getString("bill_of_lading"),
                readReasons(row.getValue("reasons")),
                row.getDouble("risk_score"),
                row.getBoolean("picked_at_random"),
                instant(row, "estimated_arrival_at"),
                instant(row, "due_at"),
                TaskStatus.valueOf(row.getString("status")),
                row.getString("assignee"),
                row.getInteger("version"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                instant(row, "submitted_at"),
                row.getString("importer_party"));
    }

    private List<Reason> readReasons(Object column) {
        return json.mapper().convertValue(json.read(column), REASONS);
    }

    public record Created(Task task, boolean created) {
    }

    public record Page(List<Task> tasks, long total) {
    }

    /** Filters of the task list; null means any. {@code ports} limits an inspector to the ports it works at. */
    public record TaskFilter(String status, String port, Set<String> ports, String assignee, String lane, Instant dueBefore) {
    }
}
