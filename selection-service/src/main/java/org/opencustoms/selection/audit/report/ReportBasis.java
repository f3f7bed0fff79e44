package org.opencustoms.selection.audit.report;

import org.opencustoms.selection.log.TreeHead;

import java.time.Instant;

/**
 * What a report was computed from, so it can be tied to the log: the decisions of the period (and port)
 * that the signed tree head covers, and the outcomes recorded up to {@code outcomesAsOf}.
 *
 * @param filings   filings decided in the period: the report's data volume
 * @param inspected of those, filings with a recorded outcome
 */
public record ReportBasis(Instant from, Instant to, String port, long filings, long inspected, TreeHead treeHead,
                          Instant outcomesAsOf) {
}
