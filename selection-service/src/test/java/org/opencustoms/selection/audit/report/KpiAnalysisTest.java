package org.opencustoms.selection.audit.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KpiAnalysisTest {

    @Test
    void kpisAddUpOverLanesAndDays() {
        List<AuditedFiling> history = new SyntheticHistory(6).origin("CN", 3_100, 0.1, 0.3, 0.02, 0.03).filings();

        KpiReport report = KpiAnalysis.analyse(SyntheticHistory.basis(history), history, new KpiReport.Latency(3_100, 40.0, 40.0));

        assertEquals(3_100, report.lanes().stream().mapToLong(lane -> lane.share().count()).sum());
        assertEquals(1.0, report.lanes().stream().mapToDouble(lane -> lane.share().rate()).sum(), 1e-9);
        assertEquals(31, report.days().size());
        assertEquals(3_100, report.days().stream().mapToLong(KpiReport.Day::decisions).sum());
        assertEquals(100.0, report.decisionsPerDay(), 1e-9);
        assertEquals(310, report.lateFilings().count());
        long examined = history.stream().filter(f -> f.pickedByRisk() || f.pickedAtRandom()).count();
        assertEquals(examined, report.examinationRate().count());
        assertTrue(report.hitRates().riskPicks().rate() > report.hitRates().randomPicks().rate());
    }

    @Test
    void filingsCountedTogetherWeighAsManyAsTheyCount() {
        List<AuditedFiling> history = new SyntheticHistory(7).origin("CN", 2_000, 0.1, 0.3, 0.02, 0.03).filings();
        List<AuditedFiling> counted = SyntheticHistory.counted(history, f -> new AuditedFiling(null, f.lane(), f.pickedByRisk(),
                f.pickedAtRandom(), 0, null, LocalDate.ofInstant(f.decidedAt(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant(),
                f.filedLate(), f.violationFound(), null, null, null, null, false));
        KpiReport.Latency latency = new KpiReport.Latency(2_000, 40.0, 41.0);

        KpiReport each = KpiAnalysis.analyse(SyntheticHistory.basis(history), history, latency);
        KpiReport together = KpiAnalysis.analyse(SyntheticHistory.basis(counted), counted, latency);

        assertTrue(counted.size() < history.size() / 4, counted.size() + " rows");
        assertEquals(each, together);
    }
}
