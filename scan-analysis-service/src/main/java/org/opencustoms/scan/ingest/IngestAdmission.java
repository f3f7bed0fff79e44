package org.opencustoms.scan.ingest;

/** Whether the analysis backlog leaves room for new scans: uploads of new scans are refused while it does not. */
public interface IngestAdmission {

    boolean admitsNewScans();

    /** Scans waiting for analysis, for the refusal's message. */
    long backlog();
}
