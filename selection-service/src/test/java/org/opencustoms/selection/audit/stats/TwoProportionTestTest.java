package org.opencustoms.selection.audit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TwoProportionTestTest {

    /**
     * By hand: 10/100 vs 30/200, pooled 40/300, SE = sqrt(0.1333 * 0.8667 * (1/100 + 1/200))
     * = 0.041633, z = -0.05 / 0.041633 = -1.20096. Its square is the 2x2 chi-square 1.44231.
     */
    @Test
    void handWorkedExample() {
        TwoProportionResult result = TwoProportionTest.compare(10, 100, 30, 200);
        assertEquals(0.1, result.groupRate(), 1e-15);
        assertEquals(0.15, result.restRate(), 1e-15);
        assertEquals(-1.2009611535381532, result.z(), 1e-12);
        assertEquals(0.114883135230569, result.pValueGroupLower(), 1e-12);
        assertEquals(0.229766270461138, result.pValueTwoSided(), 1e-12);
    }

    @Test
    void secondExample() {
        TwoProportionResult result = TwoProportionTest.compare(5, 200, 40, 800);
        assertEquals(-1.5254292065209185, result.z(), 1e-12);
        assertEquals(0.06357603929266872, result.pValueGroupLower(), 1e-12);
        assertEquals(0.12715207858533745, result.pValueTwoSided(), 1e-12);
    }

    @Test
    void higherGroupRateGivesLargeOneSidedPValue() {
        TwoProportionResult result = TwoProportionTest.compare(30, 200, 10, 100);
        assertEquals(1.2009611535381532, result.z(), 1e-12);
        assertEquals(1 - 0.114883135230569, result.pValueGroupLower(), 1e-12);
        assertEquals(0.229766270461138, result.pValueTwoSided(), 1e-12);
    }

    @Test
    void degenerateCasesGivePValueOneNotNaN() {
        assertNoEvidence(TwoProportionTest.compare(0, 0, 5, 50));
        assertNoEvidence(TwoProportionTest.compare(3, 30, 0, 0));
        assertNoEvidence(TwoProportionTest.compare(0, 30, 0, 50));
        assertNoEvidence(TwoProportionTest.compare(30, 30, 50, 50));
        assertTrue(Double.isNaN(TwoProportionTest.compare(0, 0, 5, 50).groupRate()));
    }

    private static void assertNoEvidence(TwoProportionResult result) {
        assertEquals(0.0, result.z(), 0.0);
        assertEquals(1.0, result.pValueGroupLower(), 0.0);
        assertEquals(1.0, result.pValueTwoSided(), 0.0);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TwoProportionTest.compare(11, 10, 1, 5))
                .getMessage().startsWith("group:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TwoProportionTest.compare(1, 10, 1, -5))
                .getMessage().startsWith("rest:"));
    }
}
