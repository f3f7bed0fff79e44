package org.opencustoms.platform.bench;

/**
 * What the analysis benchmark measured at one scan size, means per scan in milliseconds: the service from a worker
 * starting on the scan to its result ready to record, from the upload to that moment (the wait for a worker included),
 * and the same pipeline in-process; and the median, over the scans, of what the service added to the same scan
 * in-process, as a share of it.
 */
public record AnalysisResult(double scale, double megapixels, double serviceMillis, double receivedToAnalysedMillis,
                             double inProcessMillis, double medianOverhead) {

    public double serviceMillisPerMegapixel() {
        return serviceMillis / megapixels;
    }

    public double inProcessMillisPerMegapixel() {
        return inProcessMillis / megapixels;
    }

    /** What the service adds to the in-process pipeline, as a share of it, over all the scans. */
    public double overhead() {
        return serviceMillis / inProcessMillis - 1;
    }
}
