package org.opencustoms.selection.isf.compliance;

import java.time.Instant;

/**
 * What a filing version says about the filer's compliance, derived when it is received and stored with it.
 * These become risk signals.
 */
public record ComplianceFacts(
        Instant filingDeadline,
        boolean filedLate,
        boolean amendedAfterLading,
        boolean stuffingItemsOutstanding,
        Instant stuffingItemsDeadline,
        boolean stuffingItemsLate) {
}
