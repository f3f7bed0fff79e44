package org.opencustoms.selection.audit.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /** Latency percentiles as R's quantile(x, type = 7) gives them. */
    @Test
    void latencyPercentilesInterpolateBetweenOrderStatistics() {
        // sorted: 1 2 3.5 7 15 20 35 40 50 100; p50 at h = 4.5 -> (15 + 20) / 2,
        // p95 at h = 8.55 -> 50 + 0.55 * (100 - 50)
        KpiReport.Latency latency = KpiAnalysis.latency(new double[] {15.0, 20.0, 35.0, 40.0, 50.0, 3.5, 7.0, 100.0, 1.0, 2.0});
        assertEquals(10, latency.count());
        assertEquals(17.5, latency.p50(), 1e-12);
        assertEquals(77.5, latency.p95(), 1e-12);
    }

    @Test
    void quantilesOfOneToHundred() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }
        assertEquals(95.05, KpiAnalysis.QUANTILE.evaluate(values, 0.95), 1e-12);
        assertEquals(50.5, KpiAnalysis.QUANTILE.evaluate(values, 0.5), 1e-12);
        assertEquals(1.0, KpiAnalysis.QUANTILE.evaluate(values, 0.0), 0.0);
        assertEquals(100.0, KpiAnalysis.QUANTILE.evaluate(values, 1.0), 0.0);
        assertArrayEquals(new double[] {50.5, 95.05}, KpiAnalysis.QUANTILE.evaluate(values, 0.5, 0.95), 1e-12);
        assertEquals(100.0, values[0], 0.0, "the input is not reordered");
    }

    @Test
    void quantileOfFourValues() {
        assertEquals(3.85, KpiAnalysis.QUANTILE.evaluate(new double[] {4.0, 1.0, 3.0, 2.0}, 0.95), 1e-12);
    }

    @Test
    void singleValueIsEveryPercentile() {
        KpiReport.Latency latency = KpiAnalysis.latency(new double[] {42.0});
        assertEquals(42.0, latency.p50(), 0.0);
        assertEquals(42.0, latency.p95(), 0.0);
    }

    @Test
    void noValuesGiveNoPercentiles() {
        KpiReport.Latency latency = KpiAnalysis.latency(new double[0]);
        assertEquals(0, latency.count());
        assertNull(latency.p50());
        assertNull(latency.p95());
        assertTrue(Double.isNaN(KpiAnalysis.QUANTILE.evaluate(new double[0], 0.5)));
    }

    @Test
    void quantileRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> KpiAnalysis.QUANTILE.evaluate(new double[] {1.0}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> KpiAnalysis.latency(new double[] {1.0, Double.NaN}));
    }
}
