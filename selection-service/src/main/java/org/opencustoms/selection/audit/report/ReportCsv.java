package org.opencustoms.selection.audit.report;

import java.util.Arrays;
import java.util.List;

/** The reports' tables as CSV for offline analysis. */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static String fairness(FairnessReport report) {
        CsvTable table = new CsvTable(CsvTable.concat(CsvTable.basisHeader(), List.of("group_by", "group", "filings", "judged"),
                CsvTable.rateHeader("risk_selected"), CsvTable.rateHeader("risk_hits"),
                List.of("selection_ratio", "outside_four_fifths", "selection_p_value", "rest_hit_rate", "outcome_p_value"),
                CsvTable.rateHeader("random_selected"), CsvTable.rateHeader("random_hits"), List.of("flags", "note")));
        for (FairnessReport.Group group : report.groups()) {
            table.row(CsvTable.concat(CsvTable.basisValues(report.basis()), List.of(report.groupBy(), group.group(), group.filings(), group.judged()),
                    CsvTable.rateValues(group.risk().selection()), CsvTable.rateValues(group.risk().hits()),
                    Arrays.asList(group.selectionRatio(), group.outsideFourFifths(), group.selectionPValue(), group.restHitRate(),
                            group.outcomePValue()),
                    CsvTable.rateValues(group.random().selection()), CsvTable.rateValues(group.random().hits()),
                    List.of(String.join(" ", group.flags()), group.note())));
        }
        return table.toString();
    }

    public static String compliance(ComplianceReport report) {
        ComplianceReport.Estimate estimate = report.allTraffic();
        CsvTable table = new CsvTable(CsvTable.concat(CsvTable.basisHeader(),
                List.of("violation_rate", "lower95", "upper95", "standard_error", "effective_sample_size", "random_picks", "sampled", "hits",
                        "awaiting_outcome", "risk_picks"), CsvTable.rateHeader("risk_hits"), List.of("lift")));
        table.row(CsvTable.concat(CsvTable.basisValues(report.basis()),
                Arrays.asList(estimate.violationRate(), estimate.lower(), estimate.upper(), estimate.standardError(), estimate.effectiveSampleSize(),
                        estimate.randomPicks(), estimate.sampled(), estimate.hits(), estimate.awaitingOutcome(), report.riskPicks().selected()),
                CsvTable.rateValues(report.riskPicks().hits()), Arrays.asList(report.lift())));
        return table.toString();
    }

    public static String kpiDays(KpiReport report) {
        CsvTable table = new CsvTable(CsvTable.concat(CsvTable.basisHeader(), List.of("day", "decisions", "risk_picks", "random_picks"),
                CsvTable.rateHeader("examinations"), CsvTable.rateHeader("hits"), CsvTable.rateHeader("late_filings")));
        for (KpiReport.Day day : report.days()) {
            table.row(CsvTable.concat(CsvTable.basisValues(report.basis()), List.of(day.day(), day.decisions(), day.riskPicks(), day.randomPicks()),
                    CsvTable.rateValues(day.examinationRate()), CsvTable.rateValues(day.hits()), CsvTable.rateValues(day.lateFilings())));
        }
        return table.toString();
    }

    public static String kpiLanes(KpiReport report) {
        CsvTable table = new CsvTable(CsvTable.concat(CsvTable.basisHeader(), List.of("lane"), CsvTable.rateHeader("decisions")));
        for (KpiReport.LaneShare lane : report.lanes()) {
            table.row(CsvTable.concat(CsvTable.basisValues(report.basis()), List.of(lane.lane()), CsvTable.rateValues(lane.share())));
        }
        return table.toString();
    }
}
