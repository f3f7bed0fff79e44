package org.opencustoms.selection.audit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values as R's quantile(x, type = 7) gives them. */
class PercentilesTest {

    @Test
    void unsortedInputInterpolatesBetweenOrderStatistics() {
        // sorted: 1 2 3.5 7 15 20 35 40 50 100; p50 at h = 4.5 -> (15 + 20) / 2,
        // p95 at h = 8.55 -> 50 + 0.55 * (100 - 50)
        PercentileSummary summary = Percentiles.summarize(List.of(15.0, 20.0, 35.0, 40.0, 50.0, 3.5, 7.0, 100.0, 1.0, 2.0));
        assertEquals(10, summary.count());
        assertEquals(17.5, summary.p50(), 1e-12);
        assertEquals(77.5, summary.p95(), 1e-12);
    }

    @Test
    void oneToHundred() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add((double) i);
        }
        assertEquals(95.05, Percentiles.quantile(values, 0.95), 1e-12);
        assertEquals(50.5, Percentiles.quantile(values, 0.5), 1e-12);
        assertEquals(1.0, Percentiles.quantile(values, 0.0), 0.0);
        assertEquals(100.0, Percentiles.quantile(values, 1.0), 0.0);
    }

    @Test
    void fourValues() {
        assertEquals(3.85, Percentiles.quantile(List.of(4.0, 1.0, 3.0, 2.0), 0.95), 1e-12);
    }

    @Test
    void singleValueIsEveryPercentile() {
        PercentileSummary summary = Percentiles.summarize(List.of(42.0));
        assertEquals(42.0, summary.p50(), 0.0);
        assertEquals(42.0, summary.p95(), 0.0);
    }

    @Test
    void emptyListGivesNaN() {
        PercentileSummary summary = Percentiles.summarize(List.of());
        assertEquals(0, summary.count());
        assertTrue(Double.isNaN(summary.p50()));
        assertTrue(Double.isNaN(summary.p95()));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.quantile(List.of(1.0), 1.5));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.summarize(List.of(1.0, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.summarize(Arrays.asList(1.0, null)));
    }
}
