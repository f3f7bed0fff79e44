package org.opencustoms.selection.audit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked sample: (p 0.5, hit), (p 0.5, no hit), (p 0.25, hit); weights 2, 2, 4.
 * HT: total 2 + 4 = 6; Var(total) = 0.5/0.25 + 0.75/0.0625 = 2 + 12 = 14.
 * Hajek: rate 6/8 = 0.75; residual variance 2 * 0.25^2 + 2 * 0.75^2 + 12 * 0.25^2 = 2, / 8^2;
 * n_eff = 8^2 / (4 + 4 + 16) = 8/3.
 */
class HorvitzThompsonTest {

    private static final List<SampledUnit> SAMPLE = List.of(
            new SampledUnit(0.5, true), new SampledUnit(0.5, false), new SampledUnit(0.25, true));

    @Test
    void horvitzThompsonByHand() {
        HorvitzThompsonEstimate estimate = HorvitzThompson.estimate(SAMPLE, 100);
        assertEquals(3, estimate.sampleSize());
        assertEquals(2, estimate.hits());
        assertEquals(6.0, estimate.total(), 1e-12);
        assertEquals(0.06, estimate.rate(), 1e-12);
        assertEquals(Math.sqrt(14) / 100, estimate.standardError(), 1e-12);
        assertEquals(0.0, estimate.waldInterval().lower(), 0.0);
        assertEquals(0.13333513720565182, estimate.waldInterval().upper(), 1e-12);
    }

    @Test
    void hajekByHand() {
        HajekEstimate estimate = Hajek.estimate(SAMPLE);
        assertEquals(0.75, estimate.rate(), 1e-12);
        assertEquals(Math.sqrt(2) / 8, estimate.standardError(), 1e-12);
        assertEquals(8.0 / 3.0, estimate.effectiveSampleSize(), 1e-12);
        assertEquals(0.4035240439125805, estimate.waldInterval().lower(), 1e-12);
        assertEquals(1.0, estimate.waldInterval().upper(), 0.0);
        assertEquals(0.23850187716594407, estimate.wilsonInterval().lower(), 1e-12);
        assertEquals(0.966370222476688, estimate.wilsonInterval().upper(), 1e-12);
    }

    @Test
    void constantProbabilityHajekIsThePlainSampleProportion() {
        List<SampledUnit> sample = List.of(new SampledUnit(0.05, true), new SampledUnit(0.05, false),
                new SampledUnit(0.05, false), new SampledUnit(0.05, false));
        HajekEstimate estimate = Hajek.estimate(sample);
        assertEquals(0.25, estimate.rate(), 1e-12);
        assertEquals(4.0, estimate.effectiveSampleSize(), 1e-12);
        assertEquals(WilsonInterval.of(1, 4), estimate.wilsonInterval());
    }

    @Test
    void certaintyUnitsAddNoVariance() {
        HorvitzThompsonEstimate estimate = HorvitzThompson.estimate(
                List.of(new SampledUnit(1.0, true), new SampledUnit(1.0, false)), 2);
        assertEquals(0.5, estimate.rate(), 0.0);
        assertEquals(0.0, estimate.standardError(), 0.0);
    }

    @Test
    void noHitsGiveAZeroWidthWaldButAnInformativeWilsonInterval() {
        List<SampledUnit> sample = List.of(new SampledUnit(0.02, false), new SampledUnit(0.02, false));
        assertEquals(0.0, HorvitzThompson.estimate(sample, 100).waldInterval().width(), 0.0);
        HajekEstimate hajek = Hajek.estimate(sample);
        assertEquals(0.0, hajek.waldInterval().width(), 0.0);
        assertEquals(WilsonInterval.of(0, 2), hajek.wilsonInterval());
    }

    @Test
    void emptySample() {
        HorvitzThompsonEstimate ht = HorvitzThompson.estimate(List.of(), 10);
        assertEquals(0.0, ht.rate(), 0.0);
        HajekEstimate hajek = Hajek.estimate(List.of());
        assertTrue(Double.isNaN(hajek.rate()));
        assertEquals(Interval.ZERO_TO_ONE, hajek.wilsonInterval());
    }

    @Test
    void rejectsInvalidInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SampledUnit(0.0, true))
                .getMessage().contains("(0, 1]"));
        assertThrows(IllegalArgumentException.class, () -> new SampledUnit(1.5, true));
        assertThrows(IllegalArgumentException.class, () -> new SampledUnit(Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> HorvitzThompson.estimate(SAMPLE, 0));
        assertThrows(IllegalArgumentException.class, () -> HorvitzThompson.estimate(SAMPLE, 2));
    }
}
