package org.opencustoms.platform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The floor inspection is measured against: the statements of recording an outcome in inspection-service, by plain
 * JDBC. In one transaction, as the service's: the Idempotency-Key looked up, the task locked, its latest outcome
 * version, scan findings and photos read; the outcome version, the task's new status and version, the feedback for
 * selection, the task's event and the idempotency record written. Then the reads of the answer (the task, its findings,
 * outcome and events). On a pool of tasks as the service's run has, in a database of its own on the same PostgreSQL,
 * with the primary keys and the indexes those reads need, fewer than the service's tables carry. No HTTP, no JSON
 * parsing, no validation, no token, no feedback relay.
 */
final class JdbcOutcomeBaseline implements LoadRuns.Baseline {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            DROP TABLE IF EXISTS bench_outcome_version, bench_task_event, bench_feedback, bench_idempotency, bench_scan_finding,
                bench_photo, bench_task;
            CREATE TABLE bench_task (id uuid PRIMARY KEY, status varchar(16) NOT NULL, version integer NOT NULL,
                assignee varchar(128) NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE bench_outcome_version (task_id uuid NOT NULL REFERENCES bench_task (id), version integer NOT NULL,
                payload jsonb NOT NULL, violation_found boolean NOT NULL, correction_reason text, recorded_by varchar(128) NOT NULL,
                recorded_at timestamptz NOT NULL, PRIMARY KEY (task_id, version));
            CREATE TABLE bench_task_event (id bigserial PRIMARY KEY, task_id uuid NOT NULL REFERENCES bench_task (id),
                at timestamptz NOT NULL, actor varchar(128) NOT NULL, actor_role varchar(32) NOT NULL, kind varchar(32) NOT NULL,
                detail text);
            CREATE INDEX bench_task_event_task ON bench_task_event (task_id, at);
            CREATE TABLE bench_feedback (seq bigserial PRIMARY KEY, payload jsonb NOT NULL, next_attempt_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE bench_idempotency (scope varchar(64) NOT NULL, key varchar(128) NOT NULL, fingerprint varchar(64) NOT NULL,
                status integer NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL, PRIMARY KEY (scope, key));
            CREATE TABLE bench_scan_finding (id uuid PRIMARY KEY, task_id uuid NOT NULL, payload jsonb NOT NULL);
            CREATE INDEX bench_scan_finding_task ON bench_scan_finding (task_id);
            CREATE TABLE bench_photo (id uuid PRIMARY KEY, task_id uuid NOT NULL);
            CREATE INDEX bench_photo_task ON bench_photo (task_id);
            """;
    private static final String INSPECTOR = "bench-inspector";

    private final ThreadConnections connections;
    private final BlockingQueue<UUID> free;

    /** Creates (or empties) the baseline's tables in {@value BaselineDatabase#NAME} with {@code tasks} claimed tasks. */
    JdbcOutcomeBaseline(String serverUrl, String user, String password, int tasks) throws SQLException {
        String url = BaselineDatabase.prepare(serverUrl, user, password, SCHEMA);
        this.free = new ArrayBlockingQueue<>(tasks, true);
        try (Connection setup = DriverManager.getConnection(url, user, password)) {
            try (PreparedStatement insert = setup.prepareStatement("INSERT INTO bench_task (id, status, version, assignee) VALUES (?, 'CLAIMED', 2, ?)")) {
                for (int i = 0; i < tasks; i++) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, INSPECTOR);
                    insert.executeUpdate();
                    free.add(id);
                }
            }
        }
        this.connections = new ThreadConnections(url, user, password);
    }

    /** As the service's units: the task is taken when the unit runs, and always given back. */
    @Override
    public Unit prepare(long index) throws Exception {
        boolean violation = index % 4 == 0;
        String payload = JSON.writeValueAsString(OutcomeWorkload.outcome(violation, true, index));
        Connection db = connections.get();
        return () -> {
            UUID task = free.take();
            try {
                record(db, task, payload, violation);
                answer(db, task);
            } finally {
                free.put(task);
            }
        };
    }

    /** What the service reads after its transaction to answer with the task's view: access, the task, findings, outcome, events. */
    private static void answer(Connection db, UUID task) throws SQLException {
        for (String sql : new String[]{"SELECT assignee FROM bench_task WHERE id = ?", "SELECT * FROM bench_task WHERE id = ?",
                "SELECT payload FROM bench_scan_finding WHERE task_id = ?",
                "SELECT * FROM bench_outcome_version WHERE task_id = ? ORDER BY version DESC LIMIT 1",
                "SELECT kind, detail FROM bench_task_event WHERE task_id = ? AND kind = 'SUPERSEDED'"}) {
            try (PreparedStatement read = db.prepareStatement(sql)) {
                read.setObject(1, task);
                read.executeQuery().close();
            }
        }
        db.commit();
    }

    private static void record(Connection db, UUID task, String payload, boolean violation) throws SQLException {
        String scope = "outcome:" + task;
        String key = UUID.randomUUID().toString();
        try {
            try (PreparedStatement find = db.prepareStatement("SELECT fingerprint, body FROM bench_idempotency WHERE scope = ? AND key = ?")) {
                find.setString(1, scope);
                find.setString(2, key);
                find.executeQuery().close();
            }
            try (PreparedStatement lock = db.prepareStatement("SELECT status, version, assignee FROM bench_task WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, task);
                lock.executeQuery().close();
            }
            int version;
            try (PreparedStatement latest = db.prepareStatement("SELECT coalesce(max(version), 0) FROM bench_outcome_version WHERE task_id = ?")) {
                latest.setObject(1, task);
                try (ResultSet row = latest.executeQuery()) {
                    row.next();
                    version = row.getInt(1) + 1;
                }
            }
            for (String sql : new String[]{"SELECT payload FROM bench_scan_finding WHERE task_id = ?", "SELECT id FROM bench_photo WHERE task_id = ?"}) {
                try (PreparedStatement read = db.prepareStatement(sql)) {
                    read.setObject(1, task);
                    read.executeQuery().close();
                }
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_outcome_version VALUES (?, ?, ?::jsonb, ?, ?, ?, now())")) {
                insert.setObject(1, task);
                insert.setInt(2, version);
                insert.setString(3, payload);
                insert.setBoolean(4, violation);
                insert.setString(5, version > 1 ? "recount at the examination bay" : null);
                insert.setString(6, INSPECTOR);
                insert.executeUpdate();
            }
            try (PreparedStatement update = db.prepareStatement(
                    "UPDATE bench_task SET status = 'SUBMITTED', version = version + 1, updated_at = now() WHERE id = ?")) {
                update.setObject(1, task);
                update.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_feedback (payload) VALUES (?::jsonb)")) {
                insert.setString(1, payload);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO bench_task_event (task_id, at, actor, actor_role, kind, detail) VALUES (?, now(), ?, 'inspector', ?, ?)")) {
                insert.setObject(1, task);
                insert.setString(2, INSPECTOR);
                insert.setString(3, version > 1 ? "OUTCOME_CORRECTED" : "OUTCOME_RECORDED");
                insert.setString(4, "version " + version);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_idempotency VALUES (?, ?, ?, 200, ?, now())")) {
                insert.setString(1, scope);
                insert.setString(2, key);
                insert.setString(3, Integer.toHexString(payload.hashCode()));
                insert.setString(4, Integer.toString(version));
                insert.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}
