package org.opencustoms.selection.audit.stats;

/** Standard normal distribution. */
public final class Normal {

    /** Two-sided 95 % critical value, the 0.975 quantile of the standard normal. */
    public static final double Z_95 = 1.959963984540054;

    private static final double SQRT_2 = Math.sqrt(2.0);

    private Normal() {
    }

    /** P(Z <= x). */
    public static double cdf(double x) {
        return 0.5 * ErrorFunction.erfc(-x / SQRT_2);
    }

    /** P(Z > x), accurate in relative terms far into the upper tail (unlike 1 - cdf(x)). */
    public static double upperTail(double x) {
        return 0.5 * ErrorFunction.erfc(x / SQRT_2);
    }
}
