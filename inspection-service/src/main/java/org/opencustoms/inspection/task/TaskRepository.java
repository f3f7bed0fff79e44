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
    /** Task events that tell the inspector what became of the shipment. */
    public static final List<String> SHIPMENT_EVENTS = List.of("SUPERSEDED", "RESELECTED", "CANCELLED", "REOPENED");
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

    /** The task of this decision, if one exists. */
    public Optional<Task> findByDecision(Db.Tx tx, UUID decisionId) {
        return first(tx.query("select " + COLUMNS + " from inspection.task where decision_id = $1", decisionId));
    }

    /**
     * The newest task of a filing, locked for the transaction. The filing's row lock is taken first, through an
     * advisory lock, so that two deliveries for a filing without a task yet cannot both create one.
     */
    public Optional<Task> latestForFilingForUpdate(Db.Tx tx, UUID filingId) {
        tx.query("select pg_advisory_xact_lock(hashtextextended(cast($1 as uuid)::text, 17))", filingId);
        return first(tx.query("select " + COLUMNS + " from inspection.task where filing_id = $1 "
                + "order by filing_version desc, created_at desc limit 1 for update", filingId));
    }

    /** Keeps a cancellation for a filing that has no task yet (the newest version wins); call under the filing's lock. */
    public void rememberCancellation(Db.Tx tx, CancellationRequest cancellation) {
        tx.query("insert into inspection.filing_cancellation (filing_id, filing_version, reason, decision_id, received_at) "
                        + "values ($1, $2, $3, $4, now()) on conflict (filing_id) do update set filing_version = excluded.filing_version, "
                        + "reason = excluded.reason, decision_id = excluded.decision_id, received_at = excluded.received_at "
                        + "where filing_cancellation.filing_version < excluded.filing_version",
                cancellation.filingId(), cancellation.filingVersion(), cancellation.reason().text(), cancellation.decisionId());
    }

    /** The cancellation that arrived for a filing before any of its tasks, if one did. */
    public Optional<EarlyCancellation> cancellationBefore(Db.Tx tx, UUID filingId) {
        RowSet<Row> rows = tx.query("select filing_version, reason from inspection.filing_cancellation where filing_id = $1", filingId);
        return rows.rowCount() == 0 ? Optional.empty()
                : Optional.of(new EarlyCancellation(rows.iterator().next().getInteger(0), rows.iterator().next().getString(1)));
    }

    public record EarlyCancellation(int filingVersion, String reason) {
    }

    /** Points a live or cancelled task at the shipment's newer decision; it is open again unless still claimed at the same port. */
    public Task supersede(Db.Tx tx, Task current, Task next) {
        boolean keepClaim = current.status() == TaskStatus.CLAIMED && current.port().equals(next.port());
        return first(tx.query("update inspection.task set decision_id = $2, filing_version = $3, shipment_key = $4, port = $5, lane = $6, "
                        + "containers = $7, bill_of_lading = $8, reasons = $9::jsonb, risk_score = $10, picked_at_random = $11, "
                        + "estimated_arrival_at = $12, due_at = $13, status = $14, assignee = $15, importer_party = coalesce($16, importer_party), "
                        + "version = version + 1, updated_at = now() where id = $1 returning " + COLUMNS,
                current.id(), next.decisionId(), next.filingVersion(), next.shipmentKey(), next.port(), next.lane(),
                next.containers().toArray(String[]::new), next.billOfLading(), json.write(next.reasons()), next.riskScore(),
                next.pickedAtRandom(), utc(next.estimatedArrivalAt()), utc(next.dueAt()),
                (keepClaim ? TaskStatus.CLAIMED : TaskStatus.OPEN).name(), keepClaim ? current.assignee() : null, next.importerParty()))
                .orElseThrow();
    }

    /** Whether the task already has this event (a redelivered message must not repeat it). */
    public boolean hasEvent(Db.Tx tx, UUID taskId, String kind, String detail) {
        return tx.query("select 1 from inspection.task_event where task_id = $1 and kind = $2 and detail = $3 limit 1",
                taskId, kind, detail).rowCount() > 0;
    }

    /** What happened to the shipment behind a task (created, superseded, cancelled, reopened), oldest first. */
    public List<ShipmentChange> shipmentChanges(UUID taskId) {
        List<ShipmentChange> changes = new ArrayList<>();
        db.query("select at, kind, detail from inspection.task_event where task_id = $1 and kind = any($2) order by id",
                taskId, SHIPMENT_EVENTS.toArray(String[]::new)).forEach(row -> changes.add(new ShipmentChange(
                instant(row, "at"), row.getString("kind"), row.getString("detail"))));
        return changes;
    }

    public record ShipmentChange(Instant at, String kind, String detail) {
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
