package org.opencustoms.scan.ingest;

/**
 * What ingest needs of the analysis queue: whether its backlog leaves room for new scans (uploads of new scans are
 * refused while it does not), and word of each new scan stored.
 */
public interface IngestAdmission {

    boolean admitsNewScans();

    /** Scans waiting for analysis, for the refusal's message. */
    long backlog();

    /**
     * A new scan waits for analysis: a free worker may claim it now instead of at the next poll. Called on the
     * upload's thread after the scanner has its answer; it must not throw (a failure leaves the scan to the poll).
     */
    void scanStored();
}
