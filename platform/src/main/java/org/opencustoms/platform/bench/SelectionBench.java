package org.opencustoms.platform.bench;

import org.opencustoms.platform.identity.TokenIssuer;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;

/**
 * Filings per second through selection-service's REST API, each answered 201 once its decision and log entry are
 * committed: closed loop at a number of connections (the sustained rate), then open loop at offered rates (the
 * latency a filer sees at that load), then the plain JDBC floor at the same concurrency in the same run.
 */
record SelectionBench(String selectionUrl, TokenIssuer tokens, String databaseServerUrl, String databaseUser, PrintStream out) {

    /** Runs the benchmark and returns every run it measured, the baseline last. */
    List<LoadResult> run(LoadRuns.Settings settings) throws SQLException {
        FilingWorkload filings = new FilingWorkload(selectionUrl, tokens, 7);
        return new LoadRuns(new LoadDriver(0), out).measure("selection", "filings", filings,
                () -> new JdbcFilingBaseline(databaseServerUrl, databaseUser, databaseUser), settings);
    }
}
