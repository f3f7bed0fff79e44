package org.opencustoms.scan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.opencustoms.scan.analysis.ScanAnalysis;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.ScanStatus;
import org.opencustoms.scan.catalog.StoredAnalysis;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A scan's analysis as the API shows it. While the scan waits or is being analysed only the status is
 * set; a FAILED scan carries the reason in {@code error}.
 *
 * @param regions   suspect regions in the scan's own pixels, highest score first, each with its threat class
 * @param rendition the display image the regions can be drawn on, and where to fetch it
 * @param receivedAt when the scan was stored, its upload complete
 * @param findings  where the finding for inspection-service stands: PENDING, DELIVERED, DEAD (refused for good), DISCARDED, or null when there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanAnalysisView(
        String scanId,
        ScanStatus status,
        String error,
        String modelVersion,
        Double threatScore,
        Double emptyScore,
        List<Region> regions,
        Size image,
        Rendition rendition,
        Timings timings,
        OffsetDateTime receivedAt,
        OffsetDateTime analysedAt,
        String findings) {

    /**
     * A suspect region in the scan's own pixels.
     *
     * @param threatClass the kind of threat by its wire name ({@code firearm}, {@code dense-shielding}, {@code organic-packages},
     *                    {@code concealed-compartment}), or null when the detector cannot tell the kind
     */
    public record Region(int x, int y, int width, int height, double score, String threatClass) {

        static Region of(ScanAnalysis.Region region) {
            return new Region(region.x(), region.y(), region.width(), region.height(), region.score(),
                    region.threatClass() == null ? null : region.threatClass().wireName());
        }
    }

    public record Size(int width, int height) {
    }

    public record Rendition(int width, int height, String href, String overlayHref) {
    }

    /** Milliseconds: waiting in the queue, then each step; {@code millisPerMegapixel} covers the OpenCV and model steps. */
    public record Timings(double waitedMillis, double preprocessMillis, double threatMillis, double emptyMillis, double renditionMillis,
                          double analysisMillis, double megapixels, double millisPerMegapixel) {
    }

    static ScanAnalysisView pending(ScanRecord scan, String error) {
        return new ScanAnalysisView(scan.scanId(), scan.status(), error, null, null, null, null, new Size(scan.width(), scan.height()),
                null, null, scan.receivedAt(), null, null);
    }

    static ScanAnalysisView analysed(ScanRecord scan, StoredAnalysis analysis, String renditionHref, String findings) {
        ScanAnalysis.Timings t = analysis.timings();
        return new ScanAnalysisView(scan.scanId(), scan.status(), null, analysis.modelVersion(), analysis.threatScore(), analysis.emptyScore(),
                analysis.regions().stream().map(Region::of).toList(), new Size(scan.width(), scan.height()),
                new Rendition(analysis.renditionWidth(), analysis.renditionHeight(), renditionHref + "?regions=false", renditionHref),
                new Timings(analysis.waitedMillis(), t.preprocessMillis(), t.threatMillis(), t.emptyMillis(), analysis.renditionMillis(),
                        t.totalMillis(), t.megapixels(), t.totalMillis() / t.megapixels()),
                scan.receivedAt(), analysis.analysedAt(), findings);
    }
}
