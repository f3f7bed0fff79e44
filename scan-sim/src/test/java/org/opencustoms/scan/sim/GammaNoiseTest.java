package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.physics.PoissonSampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GammaNoiseTest {

    @Test
    void gammaCountsVaryLikePoissonOnAFlatRegion() {
        SimulationOptions options = SimulationOptions.defaults().withModality(ModalityChoice.GAMMA).withI0(60_000, 2_500);
        SimulatedScan scan = new ScanSimulator(options).simulate(17, 0);
        int columns = 30;
        double ratioSum = 0;
        for (int y = 0; y < scan.height(); y++) {
            double sum = 0;
            double squares = 0;
            for (int x = 0; x < columns; x++) {
                double value = scan.image().get(x, y);
                sum += value;
                squares += value * value;
            }
            double mean = sum / columns;
            double variance = (squares - columns * mean * mean) / (columns - 1);
            ratioSum += variance / mean;
        }
        double ratio = ratioSum / scan.height();
        assertEquals(1.0, ratio, 0.12, "variance / mean over open-beam rows");
    }

    @Test
    void samplerHasPoissonMeanAndVariance() {
        SplittableRandom random = new SplittableRandom(5);
        for (double mean : new double[] {0.7, 4, 35, 2_500}) {
            int draws = 40_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < draws; i++) {
                long value = PoissonSampler.sample(random, mean);
                assertTrue(value >= 0);
                sum += value;
                squares += (double) value * value;
            }
            double average = sum / draws;
            double variance = squares / draws - average * average;
            assertEquals(mean, average, 4 * Math.sqrt(mean / draws) + 1e-9, "mean at " + mean);
            assertEquals(mean, variance, mean * 0.05, "variance at " + mean);
        }
    }
}
