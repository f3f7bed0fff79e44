package org.opencustoms.scan.findings;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The outbox of findings for inspection-service (rows are written with the analysis, in its transaction). */
@ApplicationScoped
public class FindingDeliveries {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ERROR = 500;

    private final Pool pool;

    public FindingDeliveries(Pool pool) {
        this.pool = pool;
    }

    public List<Pending> due(int limit) {
        List<Pending> due = new ArrayList<>();
        pool.preparedQuery("select scan_id, payload::text, inspection_id, attempts from scan_analysis.finding_delivery "
                        + "where state = 'PENDING' and next_attempt_at <= now() order by next_attempt_at limit $1")
                .execute(Tuple.of(limit))
                .await().atMost(TIMEOUT)
                .forEach(row -> due.add(toPending(row)));
        return due;
    }

    public void delivered(String scanId) {
        update("state = 'DELIVERED', delivered_at = now(), attempts = attempts + 1, last_error = null", scanId, null, null);
    }

    /** inspection-service refused the finding for good (it is invalid): kept with the reason, never resent. */
    public void rejected(String scanId, String reason) {
        update("state = 'REJECTED', attempts = attempts + 1, last_error = $2", scanId, truncate(reason), null);
    }

    public void retryLater(String scanId, String reason, Duration wait) {
        update("attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3)", scanId, truncate(reason),
                (double) wait.toMillis() / 1000);
    }

    public String state(String scanId) {
        var rows = pool.preparedQuery("select state from scan_analysis.finding_delivery where scan_id = $1")
                .execute(Tuple.of(scanId)).await().atMost(TIMEOUT);
        return rows.rowCount() == 0 ? null : rows.iterator().next().getString(0);
    }

    private void update(String assignments, String scanId, String reason, Double waitSeconds) {
        Tuple parameters = Tuple.of(scanId);
        if (reason != null) {
            parameters.addString(reason);
        }
        if (waitSeconds != null) {
            parameters.addDouble(waitSeconds);
        }
        pool.preparedQuery("update scan_analysis.finding_delivery set " + assignments + " where scan_id = $1")
                .execute(parameters).await().atMost(TIMEOUT);
    }

    private static String truncate(String reason) {
        return reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason;
    }

    private static Pending toPending(Row row) {
        return new Pending(row.getString(0), row.getString(1), row.getString(2), row.getInteger(3));
    }

    /** A finding to send: the JSON body, the inspection the scanner named (if any), and the attempts so far. */
    public record Pending(String scanId, String payload, String inspectionId, int attempts) {
    }
}
