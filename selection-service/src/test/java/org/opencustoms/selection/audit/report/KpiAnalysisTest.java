package org.opencustoms.selection.audit.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KpiAnalysisTest {

    @Test
    void kpisAddUpOverLanesAndDays() {
        List<AuditedFiling> history = new SyntheticHistory(6).origin("CN", 3_100, 0.1, 0.3, 0.02, 0.03).filings();

        KpiReport report = KpiAnalysis.analyse(SyntheticHistory.basis(history), history);

        assertEquals(3_100, report.lanes().stream().mapToLong(lane -> lane.share().count()).sum());
        assertEquals(1.0, report.lanes().stream().mapToDouble(lane -> lane.share().rate()).sum(), 1e-9);
        assertEquals(31, report.days().size());
        assertEquals(3_100, report.days().stream().mapToLong(KpiReport.Day::decisions).sum());
        assertEquals(100.0, report.decisionsPerDay(), 1e-9);
        assertEquals(310, report.lateFilings().count());
        assertEquals(40.0, report.filingToDecisionMillis().p50());
        long examined = history.stream().filter(f -> f.pickedByRisk() || f.pickedAtRandom()).count();
        assertEquals(examined, report.examinationRate().count());
        assertTrue(report.hitRates().riskPicks().rate() > report.hitRates().randomPicks().rate());
    }
}
