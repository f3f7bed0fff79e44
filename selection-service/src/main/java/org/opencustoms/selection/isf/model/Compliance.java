package org.opencustoms.selection.isf.model;

import java.time.Instant;
import java.util.List;

/** The compliance facts of a filing version and the discrepancies found against the carrier's data. */
public record Compliance(
        Instant filingDeadline,
        boolean filedLate,
        boolean amendedAfterLading,
        boolean stuffingItemsOutstanding,
        Instant stuffingItemsDeadline,
        boolean stuffingItemsLate,
        List<Discrepancy> discrepancies) {
}
