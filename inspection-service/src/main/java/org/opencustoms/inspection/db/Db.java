package org.opencustoms.inspection.db;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Function;

/**
 * PostgreSQL for code that runs on worker threads (every REST method here is blocking): each call
 * waits for its answer. Transactions hold one connection from begin to commit.
 */
@ApplicationScoped
public class Db {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;

    @Inject
    public Db(Pool pool) {
        this.pool = pool;
    }

    public RowSet<Row> query(String sql, Object... args) {
        return run(pool, sql, args);
    }

    public <T> T transaction(Function<Tx, T> work) {
        SqlConnection connection = pool.getConnection().await().atMost(TIMEOUT);
        try {
            Transaction transaction = connection.begin().await().atMost(TIMEOUT);
            try {
                T result = work.apply(new Tx(connection));
                transaction.commit().await().atMost(TIMEOUT);
                return result;
            } catch (RuntimeException e) {
                try {
                    transaction.rollback().await().atMost(TIMEOUT);
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } finally {
            connection.close().await().atMost(TIMEOUT);
        }
    }

    /** timestamptz parameters are OffsetDateTimes for the driver. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static RowSet<Row> run(SqlClient client, String sql, Object... args) {
        return client.preparedQuery(sql).execute(Tuple.from(Arrays.asList(args))).await().atMost(TIMEOUT);
    }

    /** Statements inside one transaction. */
    public static final class Tx {
        private final SqlConnection connection;

        private Tx(SqlConnection connection) {
            this.connection = connection;
        }

        public RowSet<Row> query(String sql, Object... args) {
            return run(connection, sql, args);
        }
    }
}
