package org.opencustoms.scan.analysis;

import java.util.List;

/**
 * What the models found in one scan.
 *
 * @param threatScore probability-like score in [0, 1] that the scan holds a concealed threat
 * @param emptyScore  score in [0, 1] that the container is empty
 * @param regions     where the threats are, in the scan's own pixels, highest score first
 */
public record ScanAnalysis(double threatScore, double emptyScore, List<Region> regions, String modelVersion, Timings timings) {

    /**
     * A suspect region in the original image's pixels.
     *
     * @param score the detector's highest cell probability inside the region
     * @param threatClass the kind of threat the detector favours there, or null when it cannot tell (regions stored before
     *     the detector told kinds apart)
     */
    public record Region(int x, int y, int width, int height, double score, ThreatClass threatClass) {
    }

    /** Milliseconds spent preprocessing (OpenCV) and in each model, and the scan's size. */
    public record Timings(double preprocessMillis, double threatMillis, double emptyMillis, double megapixels) {

        public double totalMillis() {
            return preprocessMillis + threatMillis + emptyMillis;
        }
    }
}
