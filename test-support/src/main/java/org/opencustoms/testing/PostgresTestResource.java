package org.opencustoms.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.opencustoms.platform.postgres.EmbeddedDatabase;

import java.util.Map;

/**
 * Gives a service's tests a real PostgreSQL. With {@code DB_URL} set in the environment the tests run
 * against that server (the service's own configuration reads it); otherwise an embedded server is started
 * for the test run and the datasource is pointed at it.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "service_test";

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("DB_URL");
        if (external != null && !external.isBlank()) {
            return Map.of();
        }
        database = EmbeddedDatabase.startEphemeral();
        database.createDatabaseIfMissing(DATABASE);
        String url = database.url(DATABASE);
        return Map.of(
                "quarkus.datasource.reactive.url", url,
                "quarkus.datasource.jdbc.url", "jdbc:" + url,
                "quarkus.datasource.username", EmbeddedDatabase.SUPERUSER,
                "quarkus.datasource.password", EmbeddedDatabase.SUPERUSER);
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
