package org.opencustoms.selection.audit.stats;

/** Chi-square distribution. */
public final class ChiSquared {

    private ChiSquared() {
    }

    /** P(X > x) for X chi-square with the given degrees of freedom: Q(df/2, x/2). */
    public static double upperTail(double x, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, was " + degreesOfFreedom);
        }
        if (!(x >= 0.0)) {
            throw new IllegalArgumentException("chi-square statistic must be >= 0, was " + x);
        }
        return IncompleteGamma.upperRegularized(degreesOfFreedom / 2.0, x / 2.0);
    }
}
