package org.opencustoms.selection.audit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference values: 0.5 * erfc(-x / sqrt 2) and erfc(x) from Python 3.11's math.erfc. */
class NormalTest {

    @Test
    void cdfAtTheUsualCriticalValue() {
        assertEquals(0.9750021048517795, Normal.cdf(1.96), 1e-15);
    }

    @Test
    void criticalValueConstantIsTheQuantileOf0975() {
        assertEquals(0.975, Normal.cdf(Normal.Z_95), 1e-15);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0.5",
        "-1, 0.15865525393145707",
        "-3, 0.0013498980316300957",
        "2.5, 0.9937903346742238",
        "6, 0.9999999990134123"})
    void cdfMatchesReference(double x, double expected) {
        assertEquals(expected, Normal.cdf(x), 1e-15);
    }

    @ParameterizedTest
    @CsvSource({
        "-5, 2.866515718791946e-07",
        "-8, 6.220960574271819e-16",
        "-10, 7.619853024160593e-24",
        "-20, 2.7536241186063314e-89"})
    void lowerTailKeepsRelativeAccuracy(double x, double expected) {
        assertEquals(expected, Normal.cdf(x), expected * 1e-13);
        assertEquals(expected, Normal.upperTail(-x), expected * 1e-13);
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.8875370839817152",
        "0.5, 0.4795001221869535",
        "1, 0.15729920705028513",
        "2, 0.004677734981047265",
        "3, 2.2090496998585438e-05",
        "5, 1.5374597944280351e-12",
        "10, 2.088487583762545e-45",
        "20, 5.3958656116079005e-176"})
    void erfcMatchesReferenceInEveryApproximationRange(double x, double expected) {
        assertEquals(expected, ErrorFunction.erfc(x), expected * 1e-14);
        assertEquals(2.0 - expected, ErrorFunction.erfc(-x), 1e-15);
    }

    @Test
    void cdfIsNaNForNaN() {
        assertEquals(Double.NaN, Normal.cdf(Double.NaN));
    }
}
