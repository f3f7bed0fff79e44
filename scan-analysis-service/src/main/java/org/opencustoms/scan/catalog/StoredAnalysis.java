package org.opencustoms.scan.catalog;

import org.opencustoms.scan.analysis.ScanAnalysis;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A scan's analysis as stored: the models' answer, how long each step took, and the renditions
 * (PNG objects in the payload store).
 *
 * @param waitedMillis from the scan's arrival to the start of its analysis (queueing)
 */
public record StoredAnalysis(
        String scanId,
        String modelVersion,
        double threatScore,
        double emptyScore,
        List<ScanAnalysis.Region> regions,
        ScanAnalysis.Timings timings,
        double renditionMillis,
        double waitedMillis,
        int renditionWidth,
        int renditionHeight,
        String renditionSha256,
        String overlaySha256,
        OffsetDateTime analysedAt) {
}
