package org.opencustoms.selection.audit.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplianceAnalysisTest {

    /**
     * Two ports draw at different rates and violate at different rates, so an unweighted hit rate of the
     * random picks is biased towards the port that draws more; the weighted estimate is not.
     */
    @Test
    void theIntervalCoversThePlantedViolationRateInAtLeast90Of100SeededRuns() {
        double planted = (0.06 + 0.12) / 2;
        int covered = 0;
        int naiveCovered = 0;
        for (long seed = 1; seed <= 100; seed++) {
            List<AuditedFiling> history = new SyntheticHistory(seed)
                    .add("CN", "USLAX", 10_000, 0.0, 0.0, 0.02, 0.12, 1.0)
                    .add("CN", "USSEA", 10_000, 0.0, 0.0, 0.08, 0.06, 1.0)
                    .filings();
            ComplianceReport.Estimate estimate = ComplianceAnalysis.analyse(SyntheticHistory.basis(history), history).allTraffic();
            if (estimate.lower() <= planted && planted <= estimate.upper()) {
                covered++;
            }
            Rate naive = Rate.of(estimate.hits(), estimate.sampled());
            if (naive.lower() <= planted && planted <= naive.upper()) {
                naiveCovered++;
            }
        }
        System.out.printf("compliance estimate: 95 %% interval covered the planted rate %.3f in %d of 100 runs "
                + "(unweighted hit rate of random picks: %d of 100)%n", planted, covered, naiveCovered);
        assertTrue(covered >= 90, "covered in " + covered + " of 100 runs");
    }

    @Test
    void filingsCountedTogetherGiveTheEstimateEachOneGives() {
        List<AuditedFiling> history = new SyntheticHistory(5)
                .add("CN", "USLAX", 5_000, 0.10, 0.40, 0.02, 0.12, 0.9)
                .add("CN", "USSEA", 5_000, 0.10, 0.40, 0.08, 0.06, 0.9)
                .filings();
        List<AuditedFiling> counted = SyntheticHistory.counted(history, f -> new AuditedFiling(null, null, f.pickedByRisk(), f.pickedAtRandom(),
                f.randomRate(), null, null, false, f.violationFound(), null, null, null, null, false));

        ComplianceReport each = ComplianceAnalysis.analyse(SyntheticHistory.basis(history), history);
        ComplianceReport together = ComplianceAnalysis.analyse(SyntheticHistory.basis(counted), counted);

        assertTrue(counted.size() <= 2 * 2 * 2 * 3, counted.size() + " rows");
        assertEquals(each.riskPicks(), together.riskPicks());
        assertEquals(each.allTraffic().sampled(), together.allTraffic().sampled());
        assertEquals(each.allTraffic().randomPicks(), together.allTraffic().randomPicks());
        assertEquals(each.allTraffic().violationRate(), together.allTraffic().violationRate(), 1e-12);
        assertEquals(each.allTraffic().upper(), together.allTraffic().upper(), 1e-12);
    }

    @Test
    void riskTargetingIsComparedWithAllTraffic() {
        List<AuditedFiling> history = new SyntheticHistory(4)
                .add("CN", "USLAX", 5_000, 0.10, 0.40, 0.05, 0.04, 1.0)
                .filings();

        ComplianceReport report = ComplianceAnalysis.analyse(SyntheticHistory.basis(history), history);

        ComplianceReport.Estimate all = report.allTraffic();
        assertTrue(all.randomPicks() > 200, "random picks " + all.randomPicks());
        assertEquals(all.randomPicks(), all.sampled());
        assertEquals(0, all.awaitingOutcome());
        assertTrue(report.riskPicks().hits().rate() > 0.3);
        assertEquals(report.riskPicks().hits().rate() / all.violationRate(), report.lift(), 1e-12);
        assertTrue(report.lift() > 2, "lift " + report.lift());
        assertEquals(5_000, all.estimatedFilings(), 1_000);
    }

    @Test
    void randomPicksStillAwaitingAnOutcomeAreCountedButNotEstimatedFrom() {
        List<AuditedFiling> history = new SyntheticHistory(9)
                .add("CN", "USLAX", 4_000, 0.0, 0.0, 0.05, 0.05, 0.5)
                .filings();

        ComplianceReport.Estimate all = ComplianceAnalysis.analyse(SyntheticHistory.basis(history), history).allTraffic();

        assertEquals(all.randomPicks(), all.sampled() + all.awaitingOutcome());
        assertTrue(all.awaitingOutcome() > 50 && all.sampled() > 50);
    }

    @Test
    void withoutInspectedRandomPicksThereIsNoEstimate() {
        List<AuditedFiling> history = new SyntheticHistory(2).add("CN", "USLAX", 50, 0.2, 0.3, 0.0, 0.05, 1.0).filings();

        ComplianceReport report = ComplianceAnalysis.analyse(SyntheticHistory.basis(history), history);

        assertNull(report.allTraffic().violationRate());
        assertEquals(0.0, report.allTraffic().lower());
        assertEquals(1.0, report.allTraffic().upper());
        assertNull(report.lift());
    }
}
