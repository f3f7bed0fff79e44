package org.opencustoms.selection.audit.stats;

/**
 * k successes in n trials.
 *
 * <p>With no trials the proportion is undefined: {@link #rate()} is NaN and the Wilson interval is
 * [0, 1] (the limit of the Wilson interval as n goes to 0, i.e. "no information").
 */
public record Proportion(long successes, long trials) {

    public Proportion {
        Counts.requireValid("proportion", successes, trials);
    }

    public static Proportion of(long successes, long trials) {
        return new Proportion(successes, trials);
    }

    public boolean isDefined() {
        return trials > 0;
    }

    /** Point estimate k / n; NaN when there are no trials. */
    public double rate() {
        return isDefined() ? (double) successes / trials : Double.NaN;
    }

    /** 95 % Wilson score interval; [0, 1] when there are no trials. */
    public Interval wilsonInterval() {
        return WilsonInterval.of(successes, trials);
    }
}
