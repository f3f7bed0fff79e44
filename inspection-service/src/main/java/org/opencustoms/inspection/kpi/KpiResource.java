package org.opencustoms.inspection.kpi;

import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.inspection.db.Db;

import java.util.LinkedHashMap;
import java.util.Map;

/** How inspection is going, for supervisors. Outcomes count by their latest version. */
@Path("/api/v1/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private static final String LATEST_OUTCOMES = "select distinct on (task_id) task_id, payload, violation_found, recorded_at "
            + "from inspection.outcome_version order by task_id, version desc";

    @Inject
    Db db;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Open tasks by age, selection-to-outcome time, time spent, hit rate by lane, AI findings confirmed or rejected, appeals")
    public Kpis kpis() {
        Row open = db.query("select count(*) filter (where now() - created_at < interval '1 day') as under_1d, "
                + "count(*) filter (where now() - created_at >= interval '1 day' and now() - created_at < interval '3 days') as d1_3, "
                + "count(*) filter (where now() - created_at >= interval '3 days') as over_3d, "
                + "count(*) filter (where due_at < now()) as overdue from inspection.task where status in ('OPEN', 'CLAIMED')").iterator().next();
        Row times = db.query("select percentile_cont(0.5) within group (order by hours) as p50, percentile_cont(0.95) within group (order by hours) as p95, "
                + "count(*) as n from (select extract(epoch from (min(o.recorded_at) - t.created_at)) / 3600 as hours "
                + "from inspection.task t join inspection.outcome_version o on o.task_id = t.id group by t.id, t.created_at) first_outcomes").iterator().next();
        Row spent = db.query("select percentile_cont(0.5) within group (order by minutes) as p50, percentile_cont(0.95) within group (order by minutes) as p95 "
                + "from (select (payload ->> 'minutesSpent')::double precision as minutes from (" + LATEST_OUTCOMES + ") latest) m").iterator().next();
        Map<String, LaneHits> byLane = new LinkedHashMap<>();
        db.query("select t.lane, count(*) as outcomes, count(*) filter (where l.violation_found) as hits from (" + LATEST_OUTCOMES + ") l "
                + "join inspection.task t on t.id = l.task_id group by t.lane order by t.lane").forEach(row -> {
                    long outcomes = row.getLong("outcomes");
                    long hits = row.getLong("hits");
                    byLane.put(row.getString("lane"), new LaneHits(outcomes, hits, outcomes == 0 ? null : (double) hits / outcomes));
                });
        Row ai = db.query("select count(*) filter (where r ->> 'verdict' = 'CONFIRMED') as confirmed, count(*) filter (where r ->> 'verdict' = 'REJECTED') as rejected "
                + "from (" + LATEST_OUTCOMES + ") l, jsonb_array_elements(coalesce(l.payload -> 'scanFindingReviews', '[]'::jsonb)) r").iterator().next();
        Map<String, Long> appeals = new LinkedHashMap<>();
        db.query("select status, count(*) as n from inspection.appeal group by status order by status")
                .forEach(row -> appeals.put(row.getString("status"), row.getLong("n")));
        long confirmed = ai.getLong("confirmed");
        long rejected = ai.getLong("rejected");
        return new Kpis(
                new OpenTasks(open.getLong("under_1d"), open.getLong("d1_3"), open.getLong("over_3d"), open.getLong("overdue")),
                new Percentiles(times.getLong("n"), times.getDouble("p50"), times.getDouble("p95")),
                new Percentiles(null, spent.getDouble("p50"), spent.getDouble("p95")),
                byLane,
                new AiFindings(confirmed, rejected, confirmed + rejected == 0 ? null : (double) confirmed / (confirmed + rejected)),
                appeals);
    }

    public record Kpis(OpenTasks openTasksByAge, Percentiles selectionToOutcomeHours, Percentiles minutesSpent, Map<String, LaneHits> hitRateByLane,
                       AiFindings aiFindings, Map<String, Long> appealsByStatus) {
    }

    public record OpenTasks(long underOneDay, long oneToThreeDays, long overThreeDays, long overdue) {
    }

    public record Percentiles(Long count, Double p50, Double p95) {
    }

    public record LaneHits(long outcomes, long hits, Double hitRate) {
    }

    public record AiFindings(long confirmed, long rejected, Double shareConfirmed) {
    }
}
