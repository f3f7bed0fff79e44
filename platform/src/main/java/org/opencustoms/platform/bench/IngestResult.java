package org.opencustoms.platform.bench;

/** What the ingest benchmark measured at one scan size (means per scan), the first scan left out. */
public record IngestResult(double scale, double megapixels, double megabytesPerScan, double ingestMegabytesPerSecond,
                           double baselineMegabytesPerSecond) {

    public double ratio() {
        return ingestMegabytesPerSecond / baselineMegabytesPerSecond;
    }
}
