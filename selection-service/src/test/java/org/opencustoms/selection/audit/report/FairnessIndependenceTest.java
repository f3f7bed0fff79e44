package org.opencustoms.selection.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencustoms.selection.audit.stats.ChiSquareResult;
import org.opencustoms.selection.audit.stats.TwoProportionResult;
import org.opencustoms.selection.audit.stats.TwoProportionTest;

/** The chi-square test of independence of group and random pick, {@link FairnessAnalysis#independence}. */
class FairnessIndependenceTest {

    /**
     * By hand: A 10 picked / 90 not, B 30 / 170; totals 40 / 260 of 300. Expected: A 13.333 / 86.667,
     * B 26.667 / 173.333. Every |O - E| = 3.333, so chi2 = 11.111 * (1/13.333 + 1/86.667 + 1/26.667
     * + 1/173.333) = 1.442308 (= 300 (10*170 - 90*30)^2 / (100*200*40*260)), df 1,
     * p = erfc(sqrt(chi2 / 2)) = 0.229766.
     */
    @Test
    void handWorkedTwoByTwo() {
        ChiSquareResult result = FairnessAnalysis.independence(new long[] {10, 30}, new long[] {90, 170});
        assertEquals(1.4423076923076923, result.statistic(), 1e-12);
        assertEquals(1, result.degreesOfFreedom());
        assertEquals(0.22976627046113787, result.pValue(), 1e-12);
        assertEquals(40.0 / 3.0, result.minExpectedCount(), 1e-12);
        assertEquals(2, result.groupsUsed());
        assertTrue(result.approximationReliable());
    }

    @Test
    void twoByTwoAgreesWithTwoSidedTwoProportionTest() {
        ChiSquareResult chi = FairnessAnalysis.independence(new long[] {5, 40}, new long[] {195, 760});
        TwoProportionResult z = TwoProportionTest.compare(5, 200, 40, 800);
        assertEquals(z.z() * z.z(), chi.statistic(), 1e-10);
        assertEquals(z.pValueTwoSided(), chi.pValue(), 1e-12);
    }

    /** Three groups (100, 200, 100 filings; 50 picked in all); p = exp(-chi2 / 2) for df 2. */
    @Test
    void threeGroupsWithAnEmptyGroupDropped() {
        ChiSquareResult result = FairnessAnalysis.independence(new long[] {12, 0, 30, 8}, new long[] {88, 0, 170, 92});
        assertEquals(3.017142857142857, result.statistic(), 1e-12);
        assertEquals(2, result.degreesOfFreedom());
        assertEquals(0.22122578916790261, result.pValue(), 1e-12);
        assertEquals(12.5, result.minExpectedCount(), 1e-12);
        assertEquals(3, result.groupsUsed());
    }

    @Test
    void smallExpectedCountsAreFlagged() {
        ChiSquareResult result = FairnessAnalysis.independence(new long[] {1, 4}, new long[] {9, 36});
        assertEquals(1.0, result.minExpectedCount(), 1e-12);
        assertFalse(result.approximationReliable());
    }

    @Test
    void nothingToTestGivesPValueOne() {
        ChiSquareResult nobodyPicked = FairnessAnalysis.independence(new long[] {0, 0}, new long[] {10, 20});
        assertEquals(0.0, nobodyPicked.statistic(), 0.0);
        assertEquals(1.0, nobodyPicked.pValue(), 0.0);
        assertFalse(nobodyPicked.approximationReliable());

        ChiSquareResult oneGroup = FairnessAnalysis.independence(new long[] {3, 0}, new long[] {7, 0});
        assertEquals(1, oneGroup.groupsUsed());
        assertEquals(0, oneGroup.degreesOfFreedom());
        assertEquals(1.0, oneGroup.pValue(), 0.0);
    }

    @Test
    void rejectsMalformedTables() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FairnessAnalysis.independence(new long[] {1, -2}, new long[] {3, 4}))
                .getMessage().contains("picked[1] must be >= 0"));
        assertThrows(IllegalArgumentException.class,
                () -> FairnessAnalysis.independence(new long[] {1, 2}, new long[] {3}));
    }
}
