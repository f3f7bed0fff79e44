package org.opencustoms.platform.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One JDBC connection per load worker thread (transactions explicit), all closed at the end of the run. */
final class ThreadConnections implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final List<Connection> opened = new ArrayList<>();

    ThreadConnections(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection get() throws SQLException {
        Connection db = connection.get();
        if (db == null) {
            db = DriverManager.getConnection(url, user, password);
            db.setAutoCommit(false);
            connection.set(db);
            synchronized (opened) {
                opened.add(db);
            }
        }
        return db;
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (Connection db : opened) {
                try {
                    db.close();
                } catch (SQLException e) {
                    // the run is over; a connection that will not close cleanly changes no figure
                }
            }
        }
    }
}
