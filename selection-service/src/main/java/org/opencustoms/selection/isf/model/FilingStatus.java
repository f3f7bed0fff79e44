package org.opencustoms.selection.isf.model;

public enum FilingStatus {
    ACCEPTED,
    ACCEPTED_WITH_WARNINGS,
    WITHDRAWN
}
