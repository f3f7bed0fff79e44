package org.opencustoms.selection.audit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations of the random stratum: a population of N filings with a fixed number of
 * violators, each filing drawn independently with its inclusion probability (Poisson sampling, as
 * HMAC(seed, key) < rate does). Counts in how many of 100 runs each 95 % interval covers the true
 * rate.
 */
class HorvitzThompsonCoverageTest {

    private static final int RUNS = 100;
    private static final int POPULATION = 5_000;
    private static final int MIN_COVERED = 90;

    private record Coverage(int htWald, int hajekWald, int hajekWilson, double meanHtRate, double meanHajekRate) {
        @Override
        public String toString() {
            return String.format("covered of %d: HT-Wald %d, Hajek-Wald %d, Hajek-Wilson(n_eff) %d; "
                    + "mean rate HT %.4f, Hajek %.4f", RUNS, htWald, hajekWald, hajekWilson, meanHtRate, meanHajekRate);
        }
    }

    @Test
    void typicalConstantProbability() {
        Coverage coverage = simulate("p = 0.05, rate 0.08", 400, new double[] {0.05}, 1_000L);
        assertTrue(coverage.hajekWilson() >= MIN_COVERED, coverage.toString());
        assertEquals(0.08, coverage.meanHtRate(), 0.006, coverage.toString());
        assertEquals(0.08, coverage.meanHajekRate(), 0.006, coverage.toString());
    }

    @Test
    void typicalMixedProbabilities() {
        Coverage coverage = simulate("p in {0.02, 0.05, 0.1}, rate 0.08", 400, new double[] {0.02, 0.05, 0.1}, 2_000L);
        assertTrue(coverage.hajekWilson() >= MIN_COVERED, coverage.toString());
        assertEquals(0.08, coverage.meanHtRate(), 0.006, coverage.toString());
        assertEquals(0.08, coverage.meanHajekRate(), 0.006, coverage.toString());
    }

    /** About one expected hit per run: Wald intervals break down, Wilson on n_eff does not. */
    @Test
    void fewHitsSeparateWaldFromWilson() {
        Coverage coverage = simulate("p = 0.02, rate 0.01", 50, new double[] {0.02}, 3_000L);
        assertTrue(coverage.hajekWilson() >= MIN_COVERED, coverage.toString());
        assertTrue(coverage.hajekWald() < MIN_COVERED, coverage.toString());
        assertTrue(coverage.htWald() < MIN_COVERED, coverage.toString());
    }

    @Test
    void fewHitsWithMixedProbabilities() {
        Coverage coverage = simulate("p in {0.02, 0.05, 0.1}, rate 0.01", 50, new double[] {0.02, 0.05, 0.1}, 4_000L);
        assertTrue(coverage.hajekWilson() >= MIN_COVERED, coverage.toString());
    }

    private static Coverage simulate(String scenario, int violators, double[] probabilities, long firstSeed) {
        double trueRate = (double) violators / POPULATION;
        int htWald = 0;
        int hajekWald = 0;
        int hajekWilson = 0;
        double htRateSum = 0.0;
        double hajekRateSum = 0.0;
        for (int run = 0; run < RUNS; run++) {
            Random random = new Random(firstSeed + run);
            List<SampledUnit> sample = drawSample(violators, probabilities, random);
            HorvitzThompsonEstimate ht = HorvitzThompson.estimate(sample, POPULATION);
            HajekEstimate hajek = Hajek.estimate(sample);
            htWald += ht.waldInterval().contains(trueRate) ? 1 : 0;
            hajekWald += hajek.waldInterval().contains(trueRate) ? 1 : 0;
            hajekWilson += hajek.wilsonInterval().contains(trueRate) ? 1 : 0;
            htRateSum += ht.rate();
            hajekRateSum += hajek.rate();
        }
        Coverage coverage = new Coverage(htWald, hajekWald, hajekWilson, htRateSum / RUNS, hajekRateSum / RUNS);
        System.out.println("[HT coverage] " + scenario + ": " + coverage);
        return coverage;
    }

    private static List<SampledUnit> drawSample(int violators, double[] probabilities, Random random) {
        boolean[] violation = new boolean[POPULATION];
        for (int i = 0; i < violators; i++) {
            violation[i] = true;
        }
        for (int i = POPULATION - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean swap = violation[i];
            violation[i] = violation[j];
            violation[j] = swap;
        }
        List<SampledUnit> sample = new ArrayList<>();
        for (int i = 0; i < POPULATION; i++) {
            double probability = probabilities[random.nextInt(probabilities.length)];
            if (random.nextDouble() < probability) {
                sample.add(new SampledUnit(probability, violation[i]));
            }
        }
        return sample;
    }
}
