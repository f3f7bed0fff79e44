package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.EvaluationReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void topCountRoundsUp() {
        assertEquals(1, Metrics.topCount(10, 5));
        assertEquals(10, Metrics.topCount(200, 5));
        assertEquals(11, Metrics.topCount(201, 5));
        assertEquals(814, Metrics.topCount(8134, 10));
        assertEquals(0, Metrics.topCount(0, 5));
    }

    @Test
    void precisionAtPercentLooksAtTheHighestScores() {
        double[] scores = new double[20];
        int[] labels = new int[20];
        for (int i = 0; i < 20; i++) {
            scores[i] = i;
        }
        labels[19] = 1;
        labels[17] = 1;
        assertEquals(1.0, Metrics.precisionAtPercent(scores, labels, 5), 1e-12); // top 1 row
        assertEquals(0.5, Metrics.precisionAtPercent(scores, labels, 10), 1e-12); // top 2 rows: 19, 18
        assertEquals(2.0 / 3, Metrics.precisionAtPercent(scores, labels, 15), 1e-12); // top 3 rows
    }

    @Test
    void precisionBreaksTiesByInputOrder() {
        double[] scores = {0.9, 0.9, 0.9, 0.1};
        assertEquals(0.0, Metrics.precisionAtPercent(scores, new int[] {0, 1, 1, 0}, 25), 1e-12);
        assertEquals(1.0, Metrics.precisionAtPercent(scores, new int[] {1, 0, 0, 0}, 25), 1e-12);
    }

    @Test
    void evaluateReportsTheStandardCutOffs() {
        EvaluationReport report = Metrics.evaluate(new double[] {0.1, 0.9}, new int[] {0, 1});
        assertEquals(2, report.rows());
        assertEquals(1.0, report.auc(), 1e-12);
        assertTrue(Double.isNaN(Metrics.evaluate(new double[] {0.1, 0.2}, new int[] {1, 1}).auc()), "one class: AUC undefined");
        assertEquals(java.util.List.of("1", "2", "5", "10"), java.util.List.copyOf(report.precisionAtPercent().keySet()));
    }
}
