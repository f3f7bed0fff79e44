package org.opencustoms.selection.audit.report;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.opencustoms.common.identity.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.selection.config.TimeSource;
import org.opencustoms.selection.log.DecisionLog;
import org.opencustoms.selection.log.TreeHead;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The supervisors' reports. Each is computed from the decisions covered by the current signed tree head
 * and states that head. JSON by default; CSV with {@code Accept: text/csv} or {@code format=csv}.
 */
@Path("/api/v1/audit")
@Tag(name = "Audit reports", description = "Fairness of selection, compliance estimate and KPIs, for supervisors")
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
public class AuditReportResource {

    static final String CSV = "text/csv";

    private final DecisionLog log;
    private final AuditDataSource data;
    private final TimeSource time;

    public AuditReportResource(DecisionLog log, AuditDataSource data, TimeSource time) {
        this.log = log;
        this.data = data;
        this.time = time;
    }

    @GET
    @Path("fairness")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Selection and hit rates by group for risk and random picks, four-fifths rule, outcome test, chi-square of the draws")
    public Uni<Response> fairness(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("port") String port,
                                  @QueryParam("groupBy") String groupBy, @QueryParam("format") String format, @Context HttpHeaders headers) {
        GroupBy grouping = parseGroupBy(groupBy);
        return report(from, to, port, (scope, head, now) -> data.byGroup(scope, head.treeSize(), now, grouping),
                (basis, filings) -> FairnessAnalysis.analyse(basis, filings, grouping, FairnessMethod.STANDARD))
                .map(report -> respond(report, format, headers, ReportCsv::fairness, "fairness-" + grouping.apiName()));
    }

    @GET
    @Path("compliance")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Estimated violation rate of all traffic from the random picks (Horvitz-Thompson), risk hit rate and lift")
    public Uni<Response> compliance(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("port") String port,
                                    @QueryParam("format") String format, @Context HttpHeaders headers) {
        return report(from, to, port, (scope, head, now) -> data.byPick(scope, head.treeSize(), now), ComplianceAnalysis::analyse)
                .map(report -> respond(report, format, headers, ReportCsv::compliance, "compliance"));
    }

    @GET
    @Path("kpis")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Examination rate by lane, hit rates, filing-to-decision time, late filings, decisions per day "
            + "(CSV: table=days or table=lanes)")
    public Uni<Response> kpis(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("port") String port,
                              @QueryParam("table") String table, @QueryParam("format") String format, @Context HttpHeaders headers) {
        Function<KpiReport, String> csv = kpiTable(table);
        return report(from, to, port, (scope, head, now) -> data.byDay(scope, head.treeSize(), now), AuditDataSource.KpiData::filings,
                (basis, kpis) -> KpiAnalysis.analyse(basis, kpis.filings(), kpis.latency()))
                .map(report -> respond(report, format, headers, csv, "kpis"));
    }

    /** What a report reads, for the decisions of a scope in the log at a signed head, with the outcomes received by a time. */
    @FunctionalInterface
    private interface Reading<D> {
        Uni<D> read(AuditScope scope, TreeHead head, Instant outcomesAsOf);
    }

    private <T> Uni<T> report(String from, String to, String port, Reading<List<AuditedFiling>> reading,
                              BiFunction<ReportBasis, List<AuditedFiling>, T> analysis) {
        return report(from, to, port, reading, Function.identity(), analysis);
    }

    private <D, T> Uni<T> report(String from, String to, String port, Reading<D> reading, Function<D, List<AuditedFiling>> filings,
                                 BiFunction<ReportBasis, D, T> analysis) {
        Instant now = time.now();
        AuditScope scope = AuditScope.parse(from, to, port, now);
        return log.currentTreeHead().onFailure().retry().atMost(2)
                .chain(head -> reading.read(scope, head, now).map(data -> {
                    List<AuditedFiling> counted = filings.apply(data);
                    long inspected = counted.stream().mapToLong(AuditedFiling::inspectedCount).sum();
                    ReportBasis basis = new ReportBasis(scope.from(), scope.to(), scope.port(), AuditedFiling.total(counted), inspected, head, now);
                    return analysis.apply(basis, data);
                }));
    }

    private static <T> Response respond(T report, String format, HttpHeaders headers, Function<T, String> csv, String name) {
        if (!wantsCsv(format, headers)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(csv.apply(report), CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.badRequest("invalid-format", "format must be json or csv, not '" + format + "'");
            };
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.valueOf(CSV)) && !accepted.get(0).isWildcardType();
    }

    private static GroupBy parseGroupBy(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            throw ProblemException.badRequest("invalid-group-by", "groupBy is required: one of " + GroupBy.names());
        }
        try {
            return GroupBy.fromApiName(groupBy);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-group-by", e.getMessage());
        }
    }

    private static Function<KpiReport, String> kpiTable(String table) {
        if (table == null || table.isBlank() || table.equals("days")) {
            return ReportCsv::kpiDays;
        }
        if (table.equals("lanes")) {
            return ReportCsv::kpiLanes;
        }
        throw ProblemException.badRequest("invalid-table", "table must be days or lanes, not '" + table + "'");
    }
}
