package org.opencustoms.selection.audit.stats;

/**
 * Natural log of the gamma function for x > 0, by the Lanczos approximation with the 14-term
 * coefficient set of Numerical Recipes, 3rd ed., section 6.1 (relative error about 1e-15).
 */
final class LogGamma {

    private static final double[] COEFFICIENTS = {
        57.1562356658629235, -59.5979603554754912, 14.1360979747417471,
        -0.491913816097620199, 0.339946499848118887e-4, 0.465236289270485756e-4,
        -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3,
        0.217439618115212643e-3, -0.164318106536763890e-3, 0.844182239838527433e-4,
        -0.261908384015814087e-4, 0.368991826595316234e-5};
    private static final double SERIES_START = 0.999999999999997092;
    private static final double SHIFT = 5.24218750000000000; // 671/128
    private static final double SQRT_2_PI = 2.5066282746310005;

    private LogGamma() {
    }

    static double of(double x) {
        if (!(x > 0.0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("log-gamma needs a finite x > 0, was " + x);
        }
        double shifted = x + SHIFT;
        double leading = (x + 0.5) * Math.log(shifted) - shifted;
        double series = SERIES_START;
        double denominator = x;
        for (double coefficient : COEFFICIENTS) {
            denominator += 1.0;
            series += coefficient / denominator;
        }
        return leading + Math.log(SQRT_2_PI * series / x);
    }
}
