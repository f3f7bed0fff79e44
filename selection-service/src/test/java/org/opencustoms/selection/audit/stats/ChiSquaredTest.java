package org.opencustoms.selection.audit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values from closed forms: df = 1 is erfc(sqrt(x/2)); even df is
 * exp(-x/2) * sum_{k < df/2} (x/2)^k / k!; df = 5 is erfc(sqrt(x/2)) + exp(-x/2) sqrt(2x/pi) (1 + x/3).
 */
class ChiSquaredTest {

    @ParameterizedTest
    @CsvSource({
        "3.841458820694124, 1, 0.05",
        "5.991464547107979, 2, 0.05",
        "9.487729036781154, 4, 0.05",
        "18.307038053275146, 10, 0.05",
        "0.01, 1, 0.920344325445942"})
    void criticalValuesGiveTheirTailProbability(double x, int df, double expected) {
        assertEquals(expected, ChiSquared.upperTail(x, df), 1e-12);
    }

    @Test
    void tableValueForFiveDegreesOfFreedom() {
        // 11.0705 is the rounded 5 % table value; its exact tail is 0.04999995542804365.
        assertEquals(0.04999995542804365, ChiSquared.upperTail(11.0705, 5), 1e-12);
        assertEquals(0.05, ChiSquared.upperTail(11.0705, 5), 1e-6);
    }

    @Test
    void farTailKeepsRelativeAccuracy() {
        double expected = 1.9287498479639178e-22; // exp(-50)
        assertEquals(expected, ChiSquared.upperTail(100, 2), expected * 1e-12);
    }

    @Test
    void zeroStatisticHasTailOne() {
        assertEquals(1.0, ChiSquared.upperTail(0.0, 3), 0.0);
    }

    @ParameterizedTest
    @CsvSource({
        "0.5, 0.5723649429247004",
        "1, 0.0",
        "1.5, -0.12078223763524543",
        "3, 0.693147180559945",
        "10, 12.801827480081467",
        "100.5, 361.4355404677776",
        "0.001, 6.907178885383854",
        "1000, 5905.220423209181"})
    void logGammaMatchesPythonLgamma(double x, double expected) {
        assertEquals(expected, LogGamma.of(x), 1e-13 * Math.max(1.0, Math.abs(expected)));
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> ChiSquared.upperTail(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> ChiSquared.upperTail(1, 0));
        assertThrows(IllegalArgumentException.class, () -> ChiSquared.upperTail(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> LogGamma.of(0));
    }
}
