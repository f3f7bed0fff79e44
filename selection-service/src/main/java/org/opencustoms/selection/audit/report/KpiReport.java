package org.opencustoms.selection.audit.report;

import java.util.List;

/** How selection performs: examination rates by lane, hit rates, decision latency, late filings and daily volume. */
public record KpiReport(ReportBasis basis, List<LaneShare> lanes, Rate examinationRate, HitRates hitRates, Latency filingToDecisionMillis,
                        Rate lateFilings, double decisionsPerDay, List<Day> days) {

    public record LaneShare(String lane, Rate share) {
    }

    /** Violations found among inspected risk picks, random picks, and all inspected filings. */
    public record HitRates(Rate riskPicks, Rate randomPicks, Rate allInspected) {
    }

    /** From receipt of the filing version to its decision; p50 and p95 are null with no decision. */
    public record Latency(int count, Double p50, Double p95) {
    }

    /** One UTC day of the period. */
    public record Day(String day, long decisions, Rate examinationRate, long riskPicks, long randomPicks, Rate hits, Rate lateFilings) {
    }
}
