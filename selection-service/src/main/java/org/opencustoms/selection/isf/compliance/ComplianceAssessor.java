package org.opencustoms.selection.isf.compliance;

import org.opencustoms.selection.isf.model.FilingType;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.model.ShipmentType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the timeliness facts of a filing version from the ISF deadlines (19 CFR 149.2):
 * an ISF-10 is due 24 hours before lading, its items 9 and 10 (stuffing location, consolidator) may follow
 * but are due 24 hours before arrival; an ISF-5 for IE and T&E cargo is due 24 hours before lading, and for
 * FROB cargo before lading.
 */
public final class ComplianceAssessor {

    static final Duration LEAD_TIME = Duration.ofHours(24);

    private ComplianceAssessor() {
    }

    /**
     * @param filing       the version's content
     * @param previous     the previous version's content, or null for the first version
     * @param firstFiledAt when the first version was received
     * @param receivedAt   when this version was received
     */
    public static ComplianceFacts assess(IsfFiling filing, IsfFiling previous, Instant firstFiledAt, Instant receivedAt) {
        Instant lading = filing.estimatedLadingAt().toInstant();
        Instant deadline = filing.type() == FilingType.ISF_5 && filing.shipmentType() == ShipmentType.FROB
                ? lading
                : lading.minus(LEAD_TIME);
        boolean filedLate = firstFiledAt.isAfter(deadline);
        boolean amendedAfterLading = previous != null && receivedAt.isAfter(lading);

        if (filing.type() != FilingType.ISF_10) {
            return new ComplianceFacts(deadline, filedLate, amendedAfterLading, false, null, false);
        }
        Instant stuffingDeadline = filing.estimatedArrivalAt().toInstant().minus(LEAD_TIME);
        boolean outstanding = !hasStuffingItems(filing);
        boolean newlyProvided = !outstanding && (previous == null || !hasStuffingItems(previous));
        boolean stuffingLate = receivedAt.isAfter(stuffingDeadline) && (outstanding || newlyProvided);
        return new ComplianceFacts(deadline, filedLate, amendedAfterLading, outstanding, stuffingDeadline, stuffingLate);
    }

    public static List<String> warnings(ComplianceFacts facts) {
        List<String> warnings = new ArrayList<>();
        if (facts.filedLate()) {
            warnings.add("filed after its deadline of " + facts.filingDeadline());
        }
        if (facts.amendedAfterLading()) {
            warnings.add("amended after the cargo's estimated lading");
        }
        if (facts.stuffingItemsOutstanding() && !facts.stuffingItemsLate()) {
            warnings.add("container stuffing location and consolidator (items 9 and 10) are outstanding; they are due by "
                    + facts.stuffingItemsDeadline());
        }
        if (facts.stuffingItemsLate()) {
            warnings.add("container stuffing location and consolidator (items 9 and 10) "
                    + (facts.stuffingItemsOutstanding() ? "are still outstanding after" : "arrived after")
                    + " their deadline of " + facts.stuffingItemsDeadline());
        }
        return warnings;
    }

    private static boolean hasStuffingItems(IsfFiling filing) {
        return filing.containerStuffingLocation() != null && filing.consolidator() != null;
    }
}
