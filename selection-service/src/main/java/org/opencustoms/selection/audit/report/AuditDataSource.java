package org.opencustoms.selection.audit.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.decision.Lane;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the filings a report covers: per filing, its latest decision made in the scope and already in
 * the log at the given tree size (so the report is tied to a signed tree head), with the latest outcome
 * version of the inspection that decision sent it to, as received up to the report's time. (An
 * inspection of an earlier version that an amendment superseded does not count for the filing: its
 * pick and its outcome would belong to different decisions.)
 */
@ApplicationScoped
public class AuditDataSource {

    private static final String QUERY = """
            SELECT DISTINCT ON (d.filing_id)
                   d.port, d.lane, d.picked_by_risk, d.picked_at_random, d.random_rate, d.decided_at,
                   v.received_at, v.filed_late,
                   v.document::jsonb -> 'commodityLines' -> 0 ->> 'countryOfOrigin' AS origin,
                   f.party_key AS importer,
                   v.document::jsonb ->> 'carrierCode' AS carrier,
                   left(regexp_replace(v.document::jsonb -> 'commodityLines' -> 0 ->> 'htsNumber', '[^0-9]', '', 'g'), 2) AS hts_chapter,
                   NOT EXISTS (SELECT 1 FROM selection.isf_filing earlier
                               WHERE earlier.party_key = f.party_key AND earlier.first_filed_at < f.first_filed_at) AS first_time,
                   (SELECT l.violation_found FROM selection.outcome_label l
                     WHERE l.decision_id = d.id AND l.received_at <= $5
                     ORDER BY l.outcome_version DESC LIMIT 1) AS violation_found
              FROM selection.selection_decision d
              JOIN selection.isf_filing f ON f.id = d.filing_id
              JOIN selection.isf_filing_version v ON v.filing_id = d.filing_id AND v.version = d.filing_version
             WHERE d.decided_at >= $1 AND d.decided_at < $2 AND d.log_index < $3 AND ($4::varchar IS NULL OR d.port = $4)
             ORDER BY d.filing_id, d.filing_version DESC
            """;

    private final Pool pool;

    public AuditDataSource(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<AuditedFiling>> filings(AuditScope scope, long treeSize, java.time.Instant outcomesAsOf) {
        return pool.preparedQuery(QUERY)
                .execute(Tuple.from(Arrays.asList(scope.from().atOffset(ZoneOffset.UTC), scope.to().atOffset(ZoneOffset.UTC), treeSize,
                        scope.port(), outcomesAsOf.atOffset(ZoneOffset.UTC))))
                .map(rows -> {
                    List<AuditedFiling> filings = new ArrayList<>(rows.size());
                    rows.forEach(row -> filings.add(toFiling(row)));
                    return filings;
                });
    }

    private static AuditedFiling toFiling(Row row) {
        return new AuditedFiling(row.getString("port"), Lane.valueOf(row.getString("lane")), row.getBoolean("picked_by_risk"),
                row.getBoolean("picked_at_random"), row.getDouble("random_rate"), row.getOffsetDateTime("received_at").toInstant(),
                row.getOffsetDateTime("decided_at").toInstant(), row.getBoolean("filed_late"), row.getBoolean("violation_found"),
                row.getString("origin"), row.getString("importer"), row.getString("carrier"), row.getString("hts_chapter"),
                row.getBoolean("first_time"));
    }
}
