package org.opencustoms.selection.audit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wilson reference values computed from the closed form (see WilsonInterval) in Python. */
class ProportionTest {

    @Test
    void eightOfTen() {
        Proportion proportion = Proportion.of(8, 10);
        Interval interval = proportion.wilsonInterval();
        assertEquals(0.8, proportion.rate(), 0.0);
        assertEquals(0.4901624715366418, interval.lower(), 1e-12);
        assertEquals(0.9433178485456248, interval.upper(), 1e-12);
    }

    @Test
    void zeroSuccessesReachDownToExactlyZero() {
        Interval interval = WilsonInterval.of(0, 10);
        assertEquals(0.0, interval.lower(), 0.0);
        assertEquals(0.2775327998628892, interval.upper(), 1e-12);
    }

    @Test
    void allSuccessesReachUpToExactlyOne() {
        Interval interval = WilsonInterval.of(10, 10);
        assertEquals(0.7224672001371107, interval.lower(), 1e-12);
        assertEquals(1.0, interval.upper(), 0.0);
    }

    @Test
    void typicalAuditNumbers() {
        Interval interval = WilsonInterval.of(20, 250);
        assertEquals(0.05238232837233177, interval.lower(), 1e-12);
        assertEquals(0.12032964320384167, interval.upper(), 1e-12);
    }

    @Test
    void noTrialsIsUndefinedWithTheWholeUnitInterval() {
        Proportion proportion = Proportion.of(0, 0);
        assertFalse(proportion.isDefined());
        assertTrue(Double.isNaN(proportion.rate()));
        assertEquals(Interval.ZERO_TO_ONE, proportion.wilsonInterval());
        assertEquals(Interval.ZERO_TO_ONE, WilsonInterval.forRate(0.3, 0.0));
    }

    @Test
    void nonIntegerSampleSize() {
        Interval interval = WilsonInterval.forRate(0.75, 8.0 / 3.0);
        assertEquals(0.23850187716594407, interval.lower(), 1e-12);
        assertEquals(0.966370222476688, interval.upper(), 1e-12);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Proportion.of(11, 10))
                .getMessage().contains("must not exceed trials"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Proportion.of(-1, 10))
                .getMessage().contains("successes must be >= 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, -1))
                .getMessage().contains("trials must be >= 0"));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.forRate(1.2, 10));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.forRate(0.5, Double.NaN));
    }
}
