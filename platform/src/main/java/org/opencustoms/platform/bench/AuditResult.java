package org.opencustoms.platform.bench;

import java.util.List;

/**
 * What the audit benchmark measured at one size of the log: how long generating the decisions took, then each report
 * and the log's verification through selection-service beside its plain JDBC baseline.
 *
 * @param decisions the log's size, and the number of decisions the reports cover
 */
public record AuditResult(long decisions, double generatedSeconds, List<Timing> timings) {

    /**
     * @param firstMillis  the first request at this size
     * @param medianMillis the median of every request at this size, the first included
     */
    public record Timing(String name, double firstMillis, double medianMillis, double baselineMillis) {

        public double ratio() {
            return medianMillis / baselineMillis;
        }
    }
}
