package org.opencustoms.selection.audit.report;

import org.opencustoms.selection.audit.stats.PercentileSummary;
import org.opencustoms.selection.audit.stats.Percentiles;
import org.opencustoms.selection.decision.Lane;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the selection KPIs of a period. */
public final class KpiAnalysis {

    private KpiAnalysis() {
    }

    public static KpiReport analyse(ReportBasis basis, List<AuditedFiling> filings) {
        Map<Lane, Long> byLane = new EnumMap<>(Lane.class);
        Map<LocalDate, List<AuditedFiling>> byDay = new TreeMap<>();
        List<Double> latencies = new ArrayList<>();
        for (AuditedFiling filing : filings) {
            byLane.merge(filing.lane(), 1L, Long::sum);
            byDay.computeIfAbsent(LocalDate.ofInstant(filing.decidedAt(), ZoneOffset.UTC), day -> new ArrayList<>()).add(filing);
            latencies.add((double) Math.max(0, Duration.between(filing.filedAt(), filing.decidedAt()).toMillis()));
        }
        long total = filings.size();
        List<KpiReport.LaneShare> lanes = Arrays.stream(Lane.values())
                .map(lane -> new KpiReport.LaneShare(lane.name(), Rate.of(byLane.getOrDefault(lane, 0L), total))).toList();
        PercentileSummary latency = Percentiles.summarize(latencies);
        double days = Math.max(1.0, Duration.between(basis.from(), basis.to()).toSeconds() / 86_400.0);
        LocalDate lastDay = LocalDate.ofInstant(basis.to().minusMillis(1), ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(basis.from(), ZoneOffset.UTC); !day.isAfter(lastDay); day = day.plusDays(1)) {
            byDay.putIfAbsent(day, List.of());
        }
        List<KpiReport.Day> perDay = byDay.entrySet().stream().map(e -> day(e.getKey(), e.getValue())).toList();
        return new KpiReport(basis, lanes, examinations(filings), hitRates(filings),
                new KpiReport.Latency(latency.count(), latency.count() == 0 ? null : latency.p50(), latency.count() == 0 ? null : latency.p95()),
                Rate.of(filings.stream().filter(AuditedFiling::filedLate).count(), total), total / days, perDay);
    }

    private static KpiReport.Day day(LocalDate day, List<AuditedFiling> filings) {
        return new KpiReport.Day(day.toString(), filings.size(), examinations(filings),
                filings.stream().filter(AuditedFiling::pickedByRisk).count(), filings.stream().filter(AuditedFiling::pickedAtRandom).count(),
                Rate.of(filings.stream().filter(AuditedFiling::hit).count(), filings.stream().filter(AuditedFiling::inspected).count()),
                Rate.of(filings.stream().filter(AuditedFiling::filedLate).count(), filings.size()));
    }

    private static Rate examinations(List<AuditedFiling> filings) {
        return Rate.of(filings.stream().filter(f -> f.lane().isInspection()).count(), filings.size());
    }

    private static KpiReport.HitRates hitRates(List<AuditedFiling> filings) {
        return new KpiReport.HitRates(
                hits(filings.stream().filter(AuditedFiling::pickedByRisk).toList()),
                hits(filings.stream().filter(AuditedFiling::pickedAtRandom).toList()),
                hits(filings));
    }

    private static Rate hits(List<AuditedFiling> filings) {
        return Rate.of(filings.stream().filter(AuditedFiling::hit).count(), filings.stream().filter(AuditedFiling::inspected).count());
    }
}
