package org.opencustoms.selection.audit.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.decision.Lane;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the filings a report covers: per filing, its latest decision made in the period and already in the log at the
 * given tree size (so the report is tied to a signed tree head), at the scope's port if it names one, with the latest outcome version of the inspection that
 * decision sent it to, as received up to the report's time. (An inspection of an earlier version that an amendment
 * superseded does not count for the filing: its pick and its outcome would belong to different decisions.)
 *
 * <p>A period holds a million decisions and more, so PostgreSQL counts them: each report gets the filings alike in what
 * it reads, counted ({@link AuditedFiling#count()}), a few rows per group or day rather than one per filing.
 */
@ApplicationScoped
public class AuditDataSource {

    /** The KPIs' counts, and the latency percentiles over every filing, which counts cannot give. */
    public record KpiData(List<AuditedFiling> filings, KpiReport.Latency latency) {
    }

    // A decision is the filing's latest in the scope unless one that supersedes it was made in the period and logged
    // too; at a port, a filing counts where its latest decision sent it. Outcomes: the latest version received by then.
    private static final String FILINGS = """
            WITH latest AS (
                SELECT d.id, d.filing_id, d.filing_version, d.port, d.lane, d.picked_by_risk, d.picked_at_random, d.random_rate,
                       d.decided_at, d.party_prior_filings
                  FROM selection.selection_decision d
                 WHERE d.decided_at >= $1 AND d.decided_at < $2 AND d.log_index < $3
                   AND NOT EXISTS (SELECT 1 FROM selection.selection_decision later
                                    WHERE later.supersedes = d.id AND later.supersedes IS NOT NULL
                                      AND later.decided_at < $2 AND later.log_index < $3)
            ), outcome AS (
                SELECT DISTINCT ON (l.decision_id) l.decision_id, l.violation_found
                  FROM selection.outcome_label l
                 WHERE l.received_at <= $5
                 ORDER BY l.decision_id, l.outcome_version DESC
            )
            """;

    private static final String OUTCOME = " LEFT JOIN outcome o ON o.decision_id = d.id";
    private static final String AT_PORT = " WHERE ($4::varchar IS NULL OR d.port = $4)";

    private static final String VERSION = " JOIN selection.isf_filing_version v ON v.filing_id = d.filing_id AND v.version = d.filing_version";
    private static final String FILING = " JOIN selection.isf_filing f ON f.id = d.filing_id";

    private static final String COMPLIANCE = FILINGS + "SELECT d.picked_by_risk, d.picked_at_random, d.random_rate, o.violation_found, "
            + "count(*) AS filings FROM latest d" + OUTCOME + AT_PORT + " GROUP BY 1, 2, 3, 4";

    // the latency percentiles come from the grand total of the grouping sets, the counts from the others
    private static final String KPIS = FILINGS + """
            SELECT (d.decided_at AT TIME ZONE 'UTC')::date AS day, d.lane, d.picked_by_risk, d.picked_at_random, v.filed_late,
                   o.violation_found, count(*) AS filings, GROUPING(d.lane) = 1 AS everything,
                   percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY greatest(0, floor(extract(epoch FROM d.decided_at - v.received_at) * 1000)))
                       AS latency
              FROM latest d""" + VERSION + OUTCOME + AT_PORT + " GROUP BY GROUPING SETS ((1, 2, 3, 4, 5, 6), ())";

    private final Pool pool;

    public AuditDataSource(Pool pool) {
        this.pool = pool;
    }

    /** The filings counted by group, picks, random rate and outcome. */
    public Uni<List<AuditedFiling>> byGroup(AuditScope scope, long treeSize, Instant outcomesAsOf, GroupBy groupBy) {
        String sql = FILINGS + "SELECT " + groupColumn(groupBy) + " AS grp, d.picked_by_risk, d.picked_at_random, d.random_rate, "
                + "o.violation_found, count(*) AS filings FROM latest d" + joinFor(groupBy) + OUTCOME + AT_PORT + " GROUP BY 1, 2, 3, 4, 5";
        return query(sql, scope, treeSize, outcomesAsOf).map(rows -> {
            List<AuditedFiling> filings = new ArrayList<>(rows.size());
            rows.forEach(row -> filings.add(inGroup(groupBy, row.getString("grp"), row)));
            return filings;
        });
    }

    /** The filings counted by picks, random rate and outcome. */
    public Uni<List<AuditedFiling>> byPick(AuditScope scope, long treeSize, Instant outcomesAsOf) {
        return query(COMPLIANCE, scope, treeSize, outcomesAsOf).map(rows -> {
            List<AuditedFiling> filings = new ArrayList<>(rows.size());
            rows.forEach(row -> filings.add(new AuditedFiling(null, null, row.getBoolean("picked_by_risk"), row.getBoolean("picked_at_random"),
                    row.getDouble("random_rate"), null, null, false, row.getBoolean("violation_found"), null, null, null, null, false,
                    row.getLong("filings"))));
            return filings;
        });
    }

    /** The filings counted by day, lane, picks, lateness and outcome, with the filing-to-decision latency of them all. */
    public Uni<KpiData> byDay(AuditScope scope, long treeSize, Instant outcomesAsOf) {
        return query(KPIS, scope, treeSize, outcomesAsOf).map(rows -> {
            List<AuditedFiling> filings = new ArrayList<>(rows.size());
            KpiReport.Latency latency = new KpiReport.Latency(0, null, null);
            for (Row row : rows) {
                if (row.getBoolean("everything")) {
                    Double[] percentiles = row.getArrayOfDoubles("latency");
                    latency = percentiles == null ? latency
                            : new KpiReport.Latency(Math.toIntExact(row.getLong("filings")), percentiles[0], percentiles[1]);
                } else {
                    Instant day = row.getLocalDate("day").atStartOfDay(ZoneOffset.UTC).toInstant();
                    filings.add(new AuditedFiling(null, Lane.valueOf(row.getString("lane")), row.getBoolean("picked_by_risk"),
                            row.getBoolean("picked_at_random"), 0, null, day, row.getBoolean("filed_late"), row.getBoolean("violation_found"),
                            null, null, null, null, false, row.getLong("filings")));
                }
            }
            return new KpiData(filings, latency);
        });
    }

    private Uni<RowSet<Row>> query(String sql, AuditScope scope, long treeSize, Instant outcomesAsOf) {
        return pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(scope.from().atOffset(ZoneOffset.UTC),
                scope.to().atOffset(ZoneOffset.UTC), treeSize, scope.port(), outcomesAsOf.atOffset(ZoneOffset.UTC))));
    }

    private static String groupColumn(GroupBy groupBy) {
        return switch (groupBy) {
            case COUNTRY_OF_ORIGIN -> "v.country_of_origin";
            case IMPORTER -> "f.party_key";
            case CARRIER -> "v.carrier_code";
            case PORT -> "d.port";
            case HTS_CHAPTER -> "v.hts_chapter";
            case FIRST_TIME_IMPORTER -> "coalesce(d.party_prior_filings = 0, NOT EXISTS (SELECT 1 FROM selection.isf_filing f "
                    + "JOIN selection.isf_filing earlier ON earlier.party_key = f.party_key AND earlier.first_filed_at < f.first_filed_at "
                    + "WHERE f.id = d.filing_id))::text";
        };
    }

    private static String joinFor(GroupBy groupBy) {
        return switch (groupBy) {
            case COUNTRY_OF_ORIGIN, CARRIER, HTS_CHAPTER -> VERSION;
            case IMPORTER -> FILING;
            case PORT, FIRST_TIME_IMPORTER -> "";
        };
    }

    /** Filings counted in one group, the group in the attribute {@code groupBy} reads. */
    private static AuditedFiling inGroup(GroupBy groupBy, String group, Row row) {
        boolean byRisk = row.getBoolean("picked_by_risk");
        boolean atRandom = row.getBoolean("picked_at_random");
        double rate = row.getDouble("random_rate");
        Boolean violation = row.getBoolean("violation_found");
        long count = row.getLong("filings");
        return switch (groupBy) {
            case COUNTRY_OF_ORIGIN -> new AuditedFiling(null, null, byRisk, atRandom, rate, null, null, false, violation, group, null, null, null, false, count);
            case IMPORTER -> new AuditedFiling(null, null, byRisk, atRandom, rate, null, null, false, violation, null, group, null, null, false, count);
            case CARRIER -> new AuditedFiling(null, null, byRisk, atRandom, rate, null, null, false, violation, null, null, group, null, false, count);
            case PORT -> new AuditedFiling(group, null, byRisk, atRandom, rate, null, null, false, violation, null, null, null, null, false, count);
            case HTS_CHAPTER -> new AuditedFiling(null, null, byRisk, atRandom, rate, null, null, false, violation, null, null, null, group, false, count);
            case FIRST_TIME_IMPORTER -> new AuditedFiling(null, null, byRisk, atRandom, rate, null, null, false, violation, null, null, null, null,
                    Boolean.parseBoolean(group), count);
        };
    }
}
