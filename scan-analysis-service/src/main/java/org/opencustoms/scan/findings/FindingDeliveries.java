package org.opencustoms.scan.findings;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Where a scan's finding stands in the findings outbox (rows are written with the analysis, in its transaction). */
@ApplicationScoped
public class FindingDeliveries {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;

    public FindingDeliveries(Pool pool) {
        this.pool = pool;
    }

    /** PENDING, DELIVERED, DEAD (refused for good), DISCARDED, or null when the scan has no finding to send. */
    public String state(String scanId) {
        var rows = pool.preparedQuery("select state from scan_analysis.finding_delivery where scan_id = $1")
                .execute(Tuple.of(scanId)).await().atMost(TIMEOUT);
        return rows.rowCount() == 0 ? null : rows.iterator().next().getString(0);
    }
}
