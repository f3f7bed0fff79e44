package org.opencustoms.inspection.task;

public enum TaskStatus {
    /** waiting for an inspector */
    OPEN,
    /** an inspector is on it */
    CLAIMED,
    /** an outcome is recorded; corrections add versions */
    SUBMITTED,
    /** the shipment no longer needs it: its filing was withdrawn, or released after an amendment */
    CANCELLED;

    /** Waiting for an inspector or being worked on. */
    public boolean isLive() {
        return this == OPEN || this == CLAIMED;
    }
}
