package org.opencustoms.inspection.db;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Remembers the answer to a request sent with an Idempotency-Key, in the same transaction as its
 * effect, so a tablet that retries after a lost answer gets the first answer instead of a second effect.
 */
@ApplicationScoped
public class IdempotencyStore {

    public Optional<StoredAnswer> find(Db.Tx tx, String scope, String key) {
        RowSet<Row> rows = tx.query("select fingerprint, status, body from inspection.idempotency_record where scope = $1 and key = $2", scope, key);
        if (rows.rowCount() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new StoredAnswer(row.getString("fingerprint"), row.getInteger("status"), row.getString("body")));
    }

    public void remember(Db.Tx tx, String scope, String key, String fingerprint, int status, String body) {
        tx.query("insert into inspection.idempotency_record (scope, key, fingerprint, status, body, created_at) values ($1, $2, $3, $4, $5, now())",
                scope, key, fingerprint, status, body);
    }

    public static String fingerprint(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record StoredAnswer(String fingerprint, int status, String body) {
    }
}
