package org.opencustoms.scan.catalog;

/** Where a stored scan stands in analysis. A scan is QUEUED as soon as its payload is durable. */
public enum ScanStatus {
    QUEUED, ANALYSING, ANALYSED, FAILED
}
