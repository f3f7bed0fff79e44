package org.opencustoms.platform.bench;

import org.opencustoms.platform.identity.TokenIssuer;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Filings per second through selection-service's REST API, each answered 201 once its decision and log entry are
 * committed: closed loop at a number of connections (the sustained rate), then open loop at offered rates (the
 * latency a filer sees at that load), then the plain JDBC floor at the same concurrency in the same run.
 */
final class SelectionBench {

    record Settings(Duration warmUp, Duration duration, int connections, List<Double> offeredRates) {
    }

    private final String selectionUrl;
    private final TokenIssuer tokens;
    private final String databaseServerUrl;
    private final String databaseUser;
    private final PrintStream out;

    SelectionBench(String selectionUrl, TokenIssuer tokens, String databaseServerUrl, String databaseUser, PrintStream out) {
        this.selectionUrl = selectionUrl;
        this.tokens = tokens;
        this.databaseServerUrl = databaseServerUrl;
        this.databaseUser = databaseUser;
        this.out = out;
    }

    /** Runs the benchmark and returns every run it measured, the baseline last. */
    List<LoadResult> run(Settings settings) throws SQLException {
        LoadDriver driver = new LoadDriver(0);
        FilingWorkload filings = new FilingWorkload(selectionUrl, tokens, 7);
        int connections = settings.connections();
        out.printf("selection: warming up for %d s at %d connections%n", settings.warmUp().toSeconds(), connections);
        driver.closedLoop("warm-up", filings, connections, settings.warmUp());

        List<LoadResult> results = new ArrayList<>();
        LoadResult sustained = driver.closedLoop("REST, closed loop, " + connections + " conn", filings, connections, settings.duration());
        results.add(sustained);
        List<Double> rates = settings.offeredRates().isEmpty()
                ? List.of(0.25 * sustained.perSecond(), 0.5 * sustained.perSecond(), 0.75 * sustained.perSecond())
                : settings.offeredRates();
        for (double rate : rates) {
            if (rate >= 1) {
                // a unit that finds every worker busy is still timed from when it was due; 250 ms of in-flight work per rate
                int workers = (int) Math.min(512, Math.max(connections, Math.ceil(rate * 0.25)));
                results.add(driver.openLoop(String.format("REST, open loop, %.0f/s offered", rate), filings, rate, workers,
                        settings.duration()));
            }
        }
        try (JdbcFilingBaseline baseline = new JdbcFilingBaseline(databaseServerUrl, databaseUser, databaseUser)) {
            driver.closedLoop("baseline warm-up", baseline, connections, settings.warmUp().dividedBy(2));
            results.add(driver.closedLoop("plain JDBC, closed loop, " + connections + " conn", baseline, connections,
                    settings.duration()));
        }
        out.println(LoadResult.header());
        results.forEach(result -> out.println(result.row()));
        LoadResult floor = results.get(results.size() - 1);
        out.printf("selection/baseline: %.2f (sustained REST filings/s over plain JDBC filings/s at %d connections)%n",
                sustained.perSecond() / floor.perSecond(), connections);
        results.stream().filter(result -> result.failed() > 0).forEach(result ->
                out.printf("  %s: %d failed, the first because: %s%n", result.name(), result.failed(), result.firstFailure()));
        return results;
    }
}
