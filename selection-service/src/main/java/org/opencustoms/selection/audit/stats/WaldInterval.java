package org.opencustoms.selection.audit.stats;

/** estimate +- 1.96 standard errors, clipped to [0, 1] because the estimate is a rate. */
final class WaldInterval {

    private WaldInterval() {
    }

    static Interval forRate(double estimate, double standardError) {
        double halfWidth = WilsonInterval.Z_95 * standardError;
        double lower = Math.min(1.0, Math.max(0.0, estimate - halfWidth));
        double upper = Math.min(1.0, Math.max(0.0, estimate + halfWidth));
        return new Interval(lower, upper);
    }
}
