package org.opencustoms.selection.audit.report;

import org.opencustoms.selection.audit.stats.Interval;
import org.opencustoms.selection.audit.stats.Proportion;

/**
 * A count out of a total with its rate and 95 % Wilson interval. The rate is null (not NaN, which JSON
 * cannot carry) when the total is zero; the interval is then [0, 1].
 */
public record Rate(long count, long of, Double rate, double lower, double upper) {

    public static Rate of(long count, long of) {
        Proportion proportion = Proportion.of(count, of);
        Interval interval = proportion.wilsonInterval();
        return new Rate(count, of, proportion.isDefined() ? proportion.rate() : null, interval.lower(), interval.upper());
    }
}
