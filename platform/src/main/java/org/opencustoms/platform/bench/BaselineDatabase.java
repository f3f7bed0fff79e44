package org.opencustoms.platform.bench;

import org.opencustoms.platform.postgres.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The database the plain JDBC baselines write into, beside the services' on the same PostgreSQL. */
final class BaselineDatabase {

    static final String NAME = "bench_baseline";

    private BaselineDatabase() {
    }

    /** Creates the database if it is missing, runs {@code schema} in it (which empties what it will use) and returns its URL. */
    static String prepare(String serverUrl, String user, String password, String schema) throws SQLException {
        String url = serverUrl + "/" + NAME;
        try (Connection admin = DriverManager.getConnection(serverUrl + "/postgres", user, password)) {
            EmbeddedDatabase.createDatabaseIfMissing(admin, NAME);
        }
        try (Connection setup = DriverManager.getConnection(url, user, password); Statement statement = setup.createStatement()) {
            statement.execute(schema);
        }
        return url;
    }
}
