package org.opencustoms.inspection.task;

public enum TaskStatus {
    /** waiting for an inspector */
    OPEN,
    /** an inspector is on it */
    CLAIMED,
    /** an outcome is recorded; corrections add versions */
    SUBMITTED
}
