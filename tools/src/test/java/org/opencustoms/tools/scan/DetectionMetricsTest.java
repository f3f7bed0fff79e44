package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.ScanAnalysis;

import org.junit.jupiter.api.Test;
import org.opencustoms.scan.imaging.Box;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionMetricsTest {

    @Test
    void aucRanksPositivesAboveNegativesWithTiesCountingHalf() {
        assertEquals(1.0, DetectionMetrics.auc(new double[] {0.9, 0.8}, new double[] {0.1, 0.2}));
        assertEquals(0.0, DetectionMetrics.auc(new double[] {0.1}, new double[] {0.5, 0.6}));
        assertEquals(0.5, DetectionMetrics.auc(new double[] {0.5, 0.5}, new double[] {0.5}));
        assertEquals(0.75, DetectionMetrics.auc(new double[] {0.4, 0.9}, new double[] {0.3, 0.6}));
        assertNull(DetectionMetrics.auc(new double[] {}, new double[] {0.3}));
    }

    @Test
    void theThresholdKeepsFalseAlarmsAtFivePercent() {
        double[] negatives = new double[100];
        for (int i = 0; i < 100; i++) {
            negatives[i] = i / 100.0;
        }
        double threshold = DetectionMetrics.thresholdAtFalseAlarmRate(negatives, 0.05);
        long alarms = java.util.Arrays.stream(negatives).filter(v -> v > threshold).count();
        assertEquals(5, alarms);
        assertEquals(0.5, DetectionMetrics.detectionRate(new double[] {0.99, 0.2}, threshold));
    }

    @Test
    void aBoxIsLocalisedByOverlapOrByHoldingItsCentre() {
        Box truth = new Box(100, 100, 40, 40);
        assertTrue(DetectionMetrics.localised(truth, List.of(new ScanAnalysis.Region(110, 110, 40, 40, 0.9, null))), "IoU 0.39");
        assertTrue(DetectionMetrics.localised(truth, List.of(new ScanAnalysis.Region(0, 0, 400, 400, 0.9, null))), "contains the centre");
        assertFalse(DetectionMetrics.localised(truth, List.of(new ScanAnalysis.Region(130, 130, 40, 40, 0.9, null))), "IoU 0.03");
        assertFalse(DetectionMetrics.localised(truth, List.of()));
    }
}
