package org.opencustoms.scan.catalog;

/** The scan's claim ran out and another worker took the scan over; this worker's result is dropped. */
public class ClaimLostException extends IllegalStateException {

    public ClaimLostException(String scanId) {
        super("scan " + scanId + " was taken over by a newer claim after this one's lease ran out");
    }
}
