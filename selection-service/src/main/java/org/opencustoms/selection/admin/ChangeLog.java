package org.opencustoms.selection.admin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who changed what in selection-service, read from where each change is stored: filings and their
 * amendments and withdrawals (importers), stow plans and status messages (carriers), rule sets (analysts).
 * Each kind can only be made by one role, so the role is the kind's.
 */
@ApplicationScoped
public class ChangeLog {

    public static final Map<String, String> ROLE_OF_KIND = Map.of(
            "FILED", "importer", "AMENDED", "importer", "WITHDRAWN", "importer",
            "STOW_PLAN", "carrier", "STATUS_MESSAGE", "carrier", "RULE_SET", "analyst");

    private static final String CHANGES = """
            select * from (
              select received_at as at, filed_by as subject, case when version = 1 then 'FILED' else 'AMENDED' end as kind,
                     filing_id::text as target, 'version ' || version as detail
                from selection.isf_filing_version
              union all
              select withdrawn_at, withdrawn_by, 'WITHDRAWN', id::text, null from selection.isf_filing where withdrawn_at is not null
              union all
              select received_at, received_from, 'STOW_PLAN', id::text, carrier_code || ' ' || vessel_name || ' voyage ' || voyage
                from selection.stow_plan
              union all
              select received_at, received_from, 'STATUS_MESSAGE', id::text, coalesce(carrier_code, '') || ' ' || event_code || ' ' || container_number
                from selection.container_status_message
              union all
              select created_at, created_by, 'RULE_SET', version::text, null from selection.rule_set
            ) change
            where ($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2)
              and ($3::text is null or subject = $3) and ($4::text is null or kind = $4)
            order by at desc, target
            limit $5 offset $6
            """;

    public record Change(Instant at, String subject, String role, String kind, String target, String detail) {
    }

    public record Query(Instant from, Instant to, String subject, String kind, int page, int size) {
    }

    private final Pool pool;

    public ChangeLog(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Change>> find(Query query) {
        Tuple parameters = Tuple.tuple(List.of());
        parameters.addValue(query.from() == null ? null : query.from().atOffset(ZoneOffset.UTC));
        parameters.addValue(query.to() == null ? null : query.to().atOffset(ZoneOffset.UTC));
        parameters.addValue(query.subject());
        parameters.addValue(query.kind());
        parameters.addValue(query.size());
        parameters.addValue((long) query.page() * query.size());
        return pool.preparedQuery(CHANGES).execute(parameters).map(rows -> {
            List<Change> changes = new ArrayList<>();
            for (Row row : rows) {
                String kind = row.getString("kind");
                changes.add(new Change(row.getOffsetDateTime("at").toInstant(), row.getString("subject"), ROLE_OF_KIND.get(kind), kind,
                        row.getString("target"), row.getString("detail")));
            }
            return changes;
        });
    }
}
