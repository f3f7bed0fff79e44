package org.opencustoms.selection.audit.report;

import org.apache.commons.statistics.descriptive.NaNPolicy;
import org.apache.commons.statistics.descriptive.Quantile;
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

    /**
     * R's default sample quantile ("type 7"): for probability q over n sorted values, linear
     * interpolation between x[floor(h)] and x[floor(h) + 1] at position h = (n - 1) q. Works on a copy
     * (the library would otherwise reorder the input) and rejects NaN.
     */
    static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(true).with(NaNPolicy.ERROR);

    private KpiAnalysis() {
    }

    public static KpiReport analyse(ReportBasis basis, List<AuditedFiling> filings) {
        Map<Lane, Long> byLane = new EnumMap<>(Lane.class);
        Map<LocalDate, List<AuditedFiling>> byDay = new TreeMap<>();
        double[] latencies = new double[filings.size()];
        int i = 0;
        for (AuditedFiling filing : filings) {
            byLane.merge(filing.lane(), 1L, Long::sum);
            byDay.computeIfAbsent(LocalDate.ofInstant(filing.decidedAt(), ZoneOffset.UTC), day -> new ArrayList<>()).add(filing);
            latencies[i++] = Math.max(0, Duration.between(filing.filedAt(), filing.decidedAt()).toMillis());
        }
        long total = filings.size();
        List<KpiReport.LaneShare> lanes = Arrays.stream(Lane.values())
                .map(lane -> new KpiReport.LaneShare(lane.name(), Rate.of(byLane.getOrDefault(lane, 0L), total))).toList();
        double days = Math.max(1.0, Duration.between(basis.from(), basis.to()).toSeconds() / 86_400.0);
        LocalDate lastDay = LocalDate.ofInstant(basis.to().minusMillis(1), ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(basis.from(), ZoneOffset.UTC); !day.isAfter(lastDay); day = day.plusDays(1)) {
            byDay.putIfAbsent(day, List.of());
        }
        List<KpiReport.Day> perDay = byDay.entrySet().stream().map(e -> day(e.getKey(), e.getValue())).toList();
        return new KpiReport(basis, lanes, examinations(filings), hitRates(filings), latency(latencies),
                Rate.of(filings.stream().filter(AuditedFiling::filedLate).count(), total), total / days, perDay);
    }

    /** Count, median and 95th percentile; the percentiles are null when there are no values. */
    static KpiReport.Latency latency(double[] millis) {
        if (millis.length == 0) {
            return new KpiReport.Latency(0, null, null);
        }
        double[] percentiles = QUANTILE.evaluate(millis, 0.5, 0.95);
        return new KpiReport.Latency(millis.length, percentiles[0], percentiles[1]);
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
