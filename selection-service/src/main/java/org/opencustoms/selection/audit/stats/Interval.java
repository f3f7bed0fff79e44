package org.opencustoms.selection.audit.stats;

/** A closed interval [lower, upper]. */
public record Interval(double lower, double upper) {

    /** The whole range a rate can take; used when there is no data to narrow it. */
    public static final Interval ZERO_TO_ONE = new Interval(0.0, 1.0);

    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("interval bounds must not be NaN");
        }
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "interval lower bound (" + lower + ") must not exceed upper bound (" + upper + ")");
        }
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    public double width() {
        return upper - lower;
    }
}
