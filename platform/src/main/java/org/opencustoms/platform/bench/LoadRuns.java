package org.opencustoms.platform.bench;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs of a benchmark of requests per second: a warm-up, the closed loop at a number of connections (the sustained
 * rate), the open loop at offered rates (the latency a caller sees at that load), then the plain JDBC floor of the
 * same work at the same concurrency in the same run, the table of them all and the ratio.
 */
final class LoadRuns {

    record Settings(Duration warmUp, Duration duration, int connections, List<Double> offeredRates) {
    }

    /** The floor of the same work, set up when it is created; closed after its runs. */
    interface Baseline extends Workload, AutoCloseable {
        @Override
        void close();
    }

    @FunctionalInterface
    interface BaselineSetup {
        Baseline create() throws SQLException;
    }

    private final LoadDriver driver;
    private final PrintStream out;

    LoadRuns(LoadDriver driver, PrintStream out) {
        this.driver = driver;
        this.out = out;
    }

    /**
     * @param name  the benchmark, first word of its lines
     * @param units what a unit is, plural, e.g. "filings"
     */
    List<LoadResult> measure(String name, String units, Workload service, BaselineSetup baseline, Settings settings) throws SQLException {
        int connections = settings.connections();
        out.printf(Locale.ROOT, "%s: warming up for %d s at %d connections%n", name, settings.warmUp().toSeconds(), connections);
        driver.closedLoop("warm-up", service, connections, settings.warmUp());

        List<LoadResult> results = new ArrayList<>();
        LoadResult sustained = driver.closedLoop("REST, closed loop, " + connections + " conn", service, connections, settings.duration());
        results.add(sustained);
        List<Double> rates = settings.offeredRates().isEmpty()
                ? List.of(0.25 * sustained.perSecond(), 0.5 * sustained.perSecond(), 0.75 * sustained.perSecond())
                : settings.offeredRates();
        for (double rate : rates) {
            if (rate >= 1) {
                // a unit that finds every worker busy is still timed from when it was due; 250 ms of in-flight work per rate
                int workers = (int) Math.min(512, Math.max(connections, Math.ceil(rate * 0.25)));
                results.add(driver.openLoop(String.format(Locale.ROOT, "REST, open loop, %.0f/s offered", rate), service, rate, workers,
                        settings.duration()));
            }
        }
        try (Baseline floor = baseline.create()) {
            driver.closedLoop("baseline warm-up", floor, connections, settings.warmUp().dividedBy(2));
            results.add(driver.closedLoop("plain JDBC, closed loop, " + connections + " conn", floor, connections, settings.duration()));
        }
        out.println(LoadResult.header());
        results.forEach(result -> out.println(result.row()));
        LoadResult floor = results.get(results.size() - 1);
        out.printf(Locale.ROOT, "%s/baseline: %.2f (sustained REST %s/s over plain JDBC %s/s at %d connections)%n", name,
                sustained.perSecond() / floor.perSecond(), units, units, connections);
        results.stream().filter(result -> result.failed() > 0).forEach(result ->
                out.printf("  %s: %d failed, the first because: %s%n", result.name(), result.failed(), result.firstFailure()));
        return results;
    }
}
