package org.opencustoms.platform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.opencustoms.platform.demo.ShipmentTraffic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The floor selection is measured against: the rows a filing's decision needs (the filing, its version, the
 * decision, its log entry at the next index of the one log, an outbox row for inspection-service) written by
 * plain JDBC in one transaction per filing, into a database of its own on the same PostgreSQL. No rules, no model,
 * no HTTP, no JSON parsing: what is left is the database's own cost, the append's serialisation included.
 */
final class JdbcFilingBaseline implements LoadRuns.Baseline {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            DROP TABLE IF EXISTS outbox, log_entry, log_state, decision, filing_version, filing;
            CREATE TABLE filing (id uuid PRIMARY KEY, filing_type varchar(8) NOT NULL, status varchar(32) NOT NULL,
                party_key varchar(220) NOT NULL, port varchar(5) NOT NULL, first_filed_at timestamptz NOT NULL);
            CREATE INDEX filing_party ON filing (party_key, first_filed_at);
            CREATE TABLE filing_version (id uuid PRIMARY KEY, filing_id uuid NOT NULL REFERENCES filing (id),
                version integer NOT NULL, document text NOT NULL, received_at timestamptz NOT NULL);
            CREATE TABLE decision (id uuid PRIMARY KEY, filing_id uuid NOT NULL REFERENCES filing (id),
                lane varchar(20) NOT NULL, risk_score double precision NOT NULL, reasons text NOT NULL,
                log_index bigint NOT NULL UNIQUE);
            CREATE TABLE log_state (id integer PRIMARY KEY, size bigint NOT NULL);
            INSERT INTO log_state VALUES (1, 0);
            CREATE TABLE log_entry (log_index bigint PRIMARY KEY, entry bytea NOT NULL, leaf_hash bytea NOT NULL);
            CREATE TABLE outbox (seq bigserial PRIMARY KEY, id uuid NOT NULL, payload text NOT NULL,
                next_attempt_at timestamptz NOT NULL DEFAULT now());
            """;

    private final ShipmentTraffic traffic = new ShipmentTraffic(4242, Instant.now());
    private final ThreadConnections connections;

    /** Creates (or empties) the baseline's tables in {@value BaselineDatabase#NAME} on the server at {@code serverUrl}. */
    JdbcFilingBaseline(String serverUrl, String user, String password) throws SQLException {
        this.connections = new ThreadConnections(BaselineDatabase.prepare(serverUrl, user, password, SCHEMA), user, password);
    }

    @Override
    public Unit prepare(long index) throws Exception {
        ShipmentTraffic.Shipment shipment;
        synchronized (traffic) {
            shipment = traffic.next();
        }
        String document = JSON.writeValueAsString(shipment.filing());
        String port = String.valueOf(shipment.filing().get("portOfArrival"));
        Connection db = connections.get();
        return () -> write(db, shipment, document, port);
    }

    private void write(Connection db, ShipmentTraffic.Shipment shipment, String document, String port) throws Exception {
        UUID filing = UUID.randomUUID();
        UUID decision = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        String reasons = JSON.writeValueAsString(List.of(
                Map.of("rule", "first-time-party", "weight", 0.3, "detail", "no earlier filing by " + shipment.filerParty()),
                Map.of("rule", "model", "score", 0.42, "contributions", Map.of("origin", 0.12, "hts", 0.08, "party", -0.03))));
        try {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO filing VALUES (?, ?, 'ACCEPTED', ?, ?, ?)")) {
                insert.setObject(1, filing);
                insert.setString(2, String.valueOf(shipment.filing().get("type")));
                insert.setString(3, shipment.filerParty());
                insert.setString(4, port);
                insert.setTimestamp(5, now);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO filing_version VALUES (?, ?, 1, ?, ?)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, filing);
                insert.setString(3, document);
                insert.setTimestamp(4, now);
                insert.executeUpdate();
            }
            long index;
            try (PreparedStatement append = db.prepareStatement("UPDATE log_state SET size = size + 1 WHERE id = 1 RETURNING size - 1");
                 ResultSet size = append.executeQuery()) {
                size.next();
                index = size.getLong(1);
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO decision VALUES (?, ?, 'RELEASE', 0.42, ?, ?)")) {
                insert.setObject(1, decision);
                insert.setObject(2, filing);
                insert.setString(3, reasons);
                insert.setLong(4, index);
                insert.executeUpdate();
            }
            byte[] entry = (decision + reasons).getBytes(StandardCharsets.UTF_8);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO log_entry VALUES (?, ?, ?)")) {
                insert.setLong(1, index);
                insert.setBytes(2, entry);
                insert.setBytes(3, leafHash(entry));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO outbox (id, payload) VALUES (?, ?)")) {
                insert.setObject(1, decision);
                insert.setString(2, reasons);
                insert.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        }
    }

    /** RFC 6962's leaf hash, as the log computes it. */
    private static byte[] leafHash(byte[] entry) throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 0);
        return sha256.digest(entry);
    }

    @Override
    public void close() {
        connections.close();
    }
}
