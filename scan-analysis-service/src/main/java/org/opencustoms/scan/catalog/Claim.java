package org.opencustoms.scan.catalog;

/**
 * A scan this process has claimed for analysis. {@code attempt} is the scan's attempt count at the
 * claim: every write of the outcome requires it to be unchanged, so a claim that outlived its lease (and
 * was taken over by another worker) can no longer overwrite the newer claim's result.
 */
public record Claim(ScanRecord scan, int attempt) {
}
