package org.opencustoms.selection.audit.report;

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
import java.util.function.Predicate;

/** Computes the selection KPIs of a period from its filings counted by day, lane, picks, lateness and outcome. */
public final class KpiAnalysis {

    private KpiAnalysis() {
    }

    /** {@code latency} is computed where the filings are, over each of them: counts alone cannot give its percentiles. */
    public static KpiReport analyse(ReportBasis basis, List<AuditedFiling> filings, KpiReport.Latency latency) {
        Map<Lane, Long> byLane = new EnumMap<>(Lane.class);
        Map<LocalDate, List<AuditedFiling>> byDay = new TreeMap<>();
        for (AuditedFiling filing : filings) {
            byLane.merge(filing.lane(), filing.count(), Long::sum);
            byDay.computeIfAbsent(LocalDate.ofInstant(filing.decidedAt(), ZoneOffset.UTC), day -> new ArrayList<>()).add(filing);
        }
        long total = AuditedFiling.total(filings);
        List<KpiReport.LaneShare> lanes = Arrays.stream(Lane.values())
                .map(lane -> new KpiReport.LaneShare(lane.name(), Rate.of(byLane.getOrDefault(lane, 0L), total))).toList();
        double days = Math.max(1.0, Duration.between(basis.from(), basis.to()).toSeconds() / 86_400.0);
        LocalDate lastDay = LocalDate.ofInstant(basis.to().minusMillis(1), ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(basis.from(), ZoneOffset.UTC); !day.isAfter(lastDay); day = day.plusDays(1)) {
            byDay.putIfAbsent(day, List.of());
        }
        List<KpiReport.Day> perDay = byDay.entrySet().stream().map(e -> day(e.getKey(), e.getValue())).toList();
        return new KpiReport(basis, lanes, examinations(filings), hitRates(filings), latency,
                Rate.of(count(filings, AuditedFiling::filedLate), total), total / days, perDay);
    }

    private static KpiReport.Day day(LocalDate day, List<AuditedFiling> filings) {
        long total = AuditedFiling.total(filings);
        return new KpiReport.Day(day.toString(), total, examinations(filings), count(filings, AuditedFiling::pickedByRisk),
                count(filings, AuditedFiling::pickedAtRandom), hits(filings), Rate.of(count(filings, AuditedFiling::filedLate), total));
    }

    private static Rate examinations(List<AuditedFiling> filings) {
        return Rate.of(count(filings, f -> f.lane().isInspection()), AuditedFiling.total(filings));
    }

    private static KpiReport.HitRates hitRates(List<AuditedFiling> filings) {
        return new KpiReport.HitRates(
                hits(filings.stream().filter(AuditedFiling::pickedByRisk).toList()),
                hits(filings.stream().filter(AuditedFiling::pickedAtRandom).toList()),
                hits(filings));
    }

    private static Rate hits(List<AuditedFiling> filings) {
        return Rate.of(filings.stream().mapToLong(AuditedFiling::hitCount).sum(), filings.stream().mapToLong(AuditedFiling::inspectedCount).sum());
    }

    private static long count(List<AuditedFiling> filings, Predicate<AuditedFiling> which) {
        return filings.stream().filter(which).mapToLong(AuditedFiling::count).sum();
    }
}
