package org.opencustoms.scan.findings;

import org.opencustoms.scan.analysis.ScanAnalysis;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.StoredAnalysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What inspection-service is told about one analysed scan (its {@code ScanFindingRequest}). Regions
 * are in the pixels of the display rendition the tablet shows, whose size travels with them.
 */
public record ScanFinding(
        String scanId,
        String containerNumber,
        String modality,
        double threatScore,
        double emptyScore,
        int imageWidth,
        int imageHeight,
        List<Region> regions,
        String modelVersion,
        Instant analysedAt) {

    /** inspection-service keeps at most this many regions a finding; ours are sorted by score, so the best are kept. */
    static final int MAX_REGIONS = 100;
    /** The label every region has had; kept for tablets and readers that show it, the kind is in {@code threatClass}. */
    static final String REGION_LABEL = "Suspect region";

    /**
     * @param threatClass the kind of threat by its wire name ({@code firearm}, {@code dense-shielding}, {@code organic-packages},
     *                    {@code concealed-compartment}), or null when the detector cannot tell the kind
     */
    public record Region(int x, int y, int w, int h, double score, String label, String threatClass) {
    }

    /** The finding of a scan, or none when the scan names no container (inspection-service files findings by container). */
    public static Optional<ScanFinding> of(ScanRecord scan, StoredAnalysis analysis) {
        if (scan.containerNumbers().isEmpty()) {
            return Optional.empty();
        }
        double scale = (double) analysis.renditionWidth() / scan.width();
        List<Region> regions = new ArrayList<>();
        for (ScanAnalysis.Region region : analysis.regions().subList(0, Math.min(MAX_REGIONS, analysis.regions().size()))) {
            int x = clamp((int) Math.floor(region.x() * scale), 0, analysis.renditionWidth() - 1);
            int y = clamp((int) Math.floor(region.y() * scale), 0, analysis.renditionHeight() - 1);
            int right = clamp((int) Math.ceil((region.x() + region.width()) * scale), x + 1, analysis.renditionWidth());
            int bottom = clamp((int) Math.ceil((region.y() + region.height()) * scale), y + 1, analysis.renditionHeight());
            regions.add(new Region(x, y, right - x, bottom - y, region.score(), REGION_LABEL,
                    region.threatClass() == null ? null : region.threatClass().wireName()));
        }
        return Optional.of(new ScanFinding(scan.scanId(), scan.containerNumbers().get(0), scan.modality(), analysis.threatScore(),
                analysis.emptyScore(), analysis.renditionWidth(), analysis.renditionHeight(), regions, analysis.modelVersion(),
                analysis.analysedAt().toInstant()));
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
