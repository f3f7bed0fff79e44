package org.opencustoms.selection.decision;

/** Where a shipment goes, in increasing order of scrutiny. NII_SCAN and PHYSICAL_EXAM become inspection tasks. */
public enum Lane {
    RELEASE,
    DOCUMENT_REVIEW,
    NII_SCAN,
    PHYSICAL_EXAM;

    public boolean isInspection() {
        return this == NII_SCAN || this == PHYSICAL_EXAM;
    }
}
