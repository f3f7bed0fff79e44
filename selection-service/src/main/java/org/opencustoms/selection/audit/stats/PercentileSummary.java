package org.opencustoms.selection.audit.stats;

/** Median and 95th percentile of a list of values; both NaN when the list is empty. */
public record PercentileSummary(int count, double p50, double p95) {
}
