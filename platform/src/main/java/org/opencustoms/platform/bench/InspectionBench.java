package org.opencustoms.platform.bench;

import org.opencustoms.common.identity.Roles;
import org.opencustoms.platform.demo.ApiClient;
import org.opencustoms.platform.demo.ShipmentTraffic;
import org.opencustoms.platform.identity.TokenIssuer;
import org.opencustoms.platform.identity.TokenRequest;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Outcomes recorded per second through inspection-service's REST API, each answered 200 once the outcome, the task's
 * new state and the feedback for selection are committed: closed loop, open loop at offered rates, then the plain JDBC
 * floor, on a pool of real tasks (from filings selected by selection-service) claimed by the bench's inspector.
 */
record InspectionBench(String inspectionUrl, String selectionUrl, TokenIssuer tokens, String databaseServerUrl, String databaseUser,
                       PrintStream out) {

    private static final Duration TOKEN_TTL = Duration.ofHours(4);
    private static final int MAX_TASKS = 200;

    /** Runs the benchmark and returns every run it measured, the baseline last. */
    List<LoadResult> run(LoadRuns.Settings settings) throws SQLException {
        // a task for every connection's recording in flight and as many again; an open loop with more workers than tasks
        // waits for a free one, and that wait is timed
        int taskCount = Math.min(MAX_TASKS, Math.max(32, 2 * settings.connections()));
        String inspectorToken = tokens.issue(new TokenRequest("bench-inspector", Roles.INSPECTOR, ShipmentTraffic.US_PORTS, null, TOKEN_TTL));
        Map<String, String> supervisor = Map.of("Authorization", "Bearer "
                + tokens.issue(new TokenRequest("bench-supervisor", Roles.SUPERVISOR, List.of(), null, TOKEN_TTL)));
        LoadDriver driver = new LoadDriver(0);
        List<OutcomeWorkload.ClaimedTask> tasks = new InspectionTasks(new ApiClient(inspectionUrl),
                Map.of("Authorization", "Bearer " + inspectorToken), supervisor, out)
                .claim(taskCount, driver, new FilingWorkload(selectionUrl, tokens, 11), settings.connections());
        OutcomeWorkload outcomes = new OutcomeWorkload(inspectionUrl, inspectorToken, tasks);
        return new LoadRuns(driver, out).measure("inspection", "outcomes", outcomes,
                () -> new JdbcOutcomeBaseline(databaseServerUrl, databaseUser, databaseUser, taskCount), settings);
    }
}
