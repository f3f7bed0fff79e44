package org.opencustoms.scan.sim.physics;

import java.util.SplittableRandom;

/**
 * Exact Poisson draws: multiplication of uniforms for small means, Hoermann's transformed
 * rejection (PTRS, 1993) above, which stays fast at the thousands of counts of a gamma scan.
 */
public final class PoissonSampler {

    private static final double SMALL_MEAN = 10;
    private static final double[] LOG_FACTORIALS = new double[256];

    static {
        for (int k = 1; k < LOG_FACTORIALS.length; k++) {
            LOG_FACTORIALS[k] = LOG_FACTORIALS[k - 1] + Math.log(k);
        }
    }

    private PoissonSampler() {
    }

    public static long sample(SplittableRandom random, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        return mean < SMALL_MEAN ? multiplication(random, mean) : transformedRejection(random, mean);
    }

    private static long multiplication(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static long transformedRejection(SplittableRandom random, double mean) {
        double root = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * root;
        double a = -0.059 + 0.02483 * b;
        double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double accept = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
            if (accept <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    public static double logFactorial(long k) {
        if (k < LOG_FACTORIALS.length) {
            return LOG_FACTORIALS[(int) k];
        }
        double x = k + 1.0;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
