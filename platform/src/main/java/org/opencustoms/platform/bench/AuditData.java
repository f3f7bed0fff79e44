package org.opencustoms.platform.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Grows selection-service's database to a number of logged decisions, straight in PostgreSQL, by copying the decisions
 * the service made itself (the templates: every decision of a filing not generated here). Each copy is a filing of its
 * own with its version (the template's document), its decision at the next log index, the log entry the service would
 * have appended (the template's decision, disclosed part and salts, under an envelope naming the new index, so that its
 * commitment, leaf hash and the stored subtree hashes above it all verify) and, for an inspection, its outcome. Copies are
 * spread over the last 29 days, so a report of the last 30 covers them all; the random draw is made again at the
 * template's recorded rate; importers are told apart by a suffix, about a thousand to a template's party. A party's
 * earlier filings are counted when its copy is written, as the service counts them when deciding; a later chunk may add
 * filings dated before it (copies are not written in time order), which the count written earlier does not see, so a
 * party can have more than one first-time filing. That changes a group's size, not the work of a report.
 */
final class AuditData {

    /** {@code isf_filing.filed_by} of the generated filings: they are never templates, and anyone can tell them apart. */
    static final String GENERATED_BY = "bench:audit";
    /** Copies a transaction: the log's row stays locked while they are written, as it is for each real append. */
    private static final int CHUNK = 100_000;
    private static final int IMPORTERS_PER_PARTY = 1_000;

    private static final String TEMPLATES = """
            CREATE TEMP TABLE bench_template ON COMMIT DROP AS
            SELECT (row_number() OVER (ORDER BY d.log_index) - 1)::int AS t, d.id AS decision_id, d.filing_id, d.filing_version,
                   d.log_index, d.decided_at - v.received_at AS filing_to_decision
              FROM selection.selection_decision d
              JOIN selection.isf_filing f ON f.id = d.filing_id
              JOIN selection.isf_filing_version v ON v.filing_id = d.filing_id AND v.version = d.filing_version
              JOIN selection.decision_log_entry e ON e.log_index = d.log_index
             WHERE f.filed_by IS DISTINCT FROM '%s' AND e.format = 2
            """.formatted(GENERATED_BY);

    private static final String ROWS = """
            CREATE TEMP TABLE bench_row ON COMMIT DROP AS
            SELECT r.*, r.decided_at - t.filing_to_decision AS filed_at
              FROM (SELECT %1$d + g AS log_index, (g %% %2$d)::int AS t, gen_random_uuid() AS filing_id, gen_random_uuid() AS decision_id,
                           now() - interval '1 minute' - interval '29 days' * random() AS decided_at, random() AS draw,
                           random() AS pending, random() AS outcome, (g %% %3$d) AS importer
                      FROM generate_series(0, %4$d - 1) g) r
              JOIN bench_template t ON t.t = r.t
            """;

    private static final String[] COPIES = {
            """
            INSERT INTO selection.isf_filing (id, filing_type, status, current_version, vessel_key, port_of_arrival, first_filed_at,
                                              last_changed_at, row_version, party_key, shipment_key, filer_party, filed_by, carrier_code)
            SELECT r.filing_id, f.filing_type, f.status, 1, f.vessel_key, f.port_of_arrival, r.filed_at, r.filed_at, 0,
                   f.party_key || ' #' || r.importer, f.shipment_key, f.filer_party, '%s', f.carrier_code
              FROM bench_row r JOIN bench_template t ON t.t = r.t JOIN selection.isf_filing f ON f.id = t.filing_id
            """.formatted(GENERATED_BY),
            """
            INSERT INTO selection.isf_filing_version (id, filing_id, version, received_at, status, document, warnings, filing_deadline,
                    filed_late, amended_after_lading, stuffing_items_outstanding, stuffing_items_deadline, stuffing_items_late, filed_by)
            SELECT gen_random_uuid(), r.filing_id, 1, r.filed_at, v.status, v.document, v.warnings, r.filed_at + (v.filing_deadline - v.received_at),
                   v.filed_late, v.amended_after_lading, v.stuffing_items_outstanding, v.stuffing_items_deadline, v.stuffing_items_late, '%s'
              FROM bench_row r JOIN bench_template t ON t.t = r.t
              JOIN selection.isf_filing_version v ON v.filing_id = t.filing_id AND v.version = t.filing_version
            """.formatted(GENERATED_BY),
            // the draw is made again at the recorded rate; a shipment only the draw had sent to inspection goes to review without it
            """
            INSERT INTO selection.selection_decision (id, filing_id, filing_version, decided_at, port, lane, risk_score, rule_score,
                    model_score, model_version, rule_set_version, picked_by_risk, picked_at_random, random_period, random_rate, random_draw,
                    pick_probability, reasons, log_index, party_prior_filings)
            SELECT r.decision_id, r.filing_id, 1, r.decided_at, d.port,
                   CASE WHEN d.picked_by_risk THEN d.lane WHEN r.draw < d.random_rate THEN 'NII_SCAN'
                        WHEN d.lane IN ('NII_SCAN', 'PHYSICAL_EXAM') THEN 'DOCUMENT_REVIEW' ELSE d.lane END,
                   d.risk_score, d.rule_score, d.model_score, d.model_version, d.rule_set_version, d.picked_by_risk, r.draw < d.random_rate,
                   d.random_period, d.random_rate, d.random_draw, d.pick_probability, d.reasons, r.log_index,
                   (SELECT count(*) FROM selection.isf_filing earlier WHERE earlier.party_key = f.party_key AND earlier.first_filed_at < f.first_filed_at)
              FROM bench_row r JOIN bench_template t ON t.t = r.t JOIN selection.selection_decision d ON d.id = t.decision_id
              JOIN selection.isf_filing f ON f.id = r.filing_id
            """,
            // nine inspections in ten have an outcome; risk finds a violation in 30 %, the draw in 5 %
            """
            INSERT INTO selection.outcome_label (inspection_id, outcome_version, decision_id, violation_found, category, categories,
                    examination, action, correction, recorded_at, received_at)
            SELECT gen_random_uuid(), 1, d.id, v.violation, CASE WHEN v.violation THEN 'MISDECLARED_GOODS' END,
                   CASE WHEN v.violation THEN ARRAY['MISDECLARED_GOODS'] ELSE ARRAY[]::text[] END,
                   CASE WHEN d.lane = 'PHYSICAL_EXAM' THEN 'FULL_PHYSICAL' ELSE 'NII_ONLY' END,
                   CASE WHEN v.violation THEN 'HOLD' ELSE 'RELEASE' END, false,
                   least(d.decided_at + interval '1 day', now()), least(d.decided_at + interval '1 day', now())
              FROM bench_row r JOIN selection.selection_decision d ON d.id = r.decision_id
             CROSS JOIN LATERAL (SELECT r.outcome < CASE WHEN d.picked_by_risk THEN 0.3 ELSE 0.05 END AS violation) v
             WHERE d.lane IN ('NII_SCAN', 'PHYSICAL_EXAM') AND r.pending >= 0.1
            """,
            """
            INSERT INTO selection.decision_log_entry (log_index, entry, leaf_hash, appended_at, format, period, decision, disclosed, salt,
                                                      intelligence_salt)
            SELECT c.log_index, c.entry, sha256('\\x00'::bytea || c.entry), c.decided_at, 2, c.period, c.decision, c.disclosed, c.salt,
                   c.intelligence_salt
              FROM (SELECT r.log_index, r.decided_at, e.period, e.decision, e.disclosed, e.salt, e.intelligence_salt,
                           convert_to(regexp_replace(convert_from(e.entry, 'UTF8'), '"index":[0-9]+', '"index":' || r.log_index), 'UTF8') AS entry
                      FROM bench_row r JOIN bench_template t ON t.t = r.t JOIN selection.decision_log_entry e ON e.log_index = t.log_index) c
            """,
            "INSERT INTO selection.decision_log_node (level, node_index, hash) SELECT 0, log_index, leaf_hash FROM selection.decision_log_entry "
                    + "WHERE log_index >= %1$d AND log_index < %2$d"
    };

    /** The subtree hashes completed by the new leaves, one level after the other (as migration V5 builds them). */
    private static final String PARENTS = """
            INSERT INTO selection.decision_log_node (level, node_index, hash)
            SELECT l.level + 1, l.node_index / 2, sha256('\\x01'::bytea || l.hash || r.hash)
              FROM selection.decision_log_node l
              JOIN selection.decision_log_node r ON r.level = l.level AND r.node_index = l.node_index + 1
             WHERE l.level = %1$d AND l.node_index %% 2 = 0 AND l.node_index >= 2 * (%2$d::bigint >> (%1$d + 1))
            """;

    private final String url;
    private final String user;
    private final String password;

    AuditData(String selectionDatabaseUrl, String user, String password) {
        this.url = selectionDatabaseUrl;
        this.user = user;
        this.password = password;
    }

    /** The log's size: every decision the service or this generator appended. */
    long decisions() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet size = statement.executeQuery("SELECT size FROM selection.decision_log_state WHERE id = 1")) {
            size.next();
            return size.getLong(1);
        }
    }

    /** The decisions the service made itself, which the copies are made from. */
    long templates() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM selection.selection_decision d JOIN selection.isf_filing f "
                     + "ON f.id = d.filing_id WHERE f.filed_by IS DISTINCT FROM '" + GENERATED_BY + "'")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Appends copies until the log holds {@code size} decisions (none if it already does), then refreshes the planner's statistics. */
    void growTo(long size) throws SQLException {
        try (Connection connection = connect()) {
            long held;
            do {
                held = appendChunk(connection, size);
            } while (held < size);
            try (Statement statement = connection.createStatement()) {
                // as autovacuum would have by the time a real log reached this size: statistics, and the visibility map index-only scans need
                statement.execute("VACUUM ANALYZE selection.isf_filing, selection.isf_filing_version, selection.selection_decision, "
                        + "selection.outcome_label, selection.decision_log_entry, selection.decision_log_node");
            }
        }
    }

    /** One transaction of up to {@link #CHUNK} copies; returns the log's size after it. */
    private long appendChunk(Connection connection, long target) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            long start;
            try (ResultSet state = statement.executeQuery("SELECT size FROM selection.decision_log_state WHERE id = 1 FOR UPDATE")) {
                state.next();
                start = state.getLong(1);
            }
            long count = Math.min(CHUNK, target - start);
            if (count <= 0) {
                connection.rollback();
                return start;
            }
            statement.execute(TEMPLATES);
            int templates = count(statement, "SELECT count(*) FROM bench_template");
            if (templates == 0) {
                throw new IllegalStateException("the log holds no decision of the service's own to copy");
            }
            statement.execute(ROWS.formatted(start, templates, IMPORTERS_PER_PARTY, count));
            long end = start + count;
            for (String copy : COPIES) {
                statement.execute(copy.formatted(start, end));
            }
            for (int level = 0; ; level++) {
                if (statement.executeUpdate(PARENTS.formatted(level, start)) == 0) {
                    break;
                }
            }
            try (PreparedStatement size = connection.prepareStatement("UPDATE selection.decision_log_state SET size = ? WHERE id = 1")) {
                size.setLong(1, end);
                size.executeUpdate();
            }
            connection.commit();
            return end;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static int count(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
