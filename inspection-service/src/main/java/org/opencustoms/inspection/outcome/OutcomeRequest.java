package org.opencustoms.inspection.outcome;

import java.util.List;

/** What an inspector records: what was examined, what was found, what was done. */
public record OutcomeRequest(
        String examination,
        List<String> sealsBefore,
        List<String> sealsAfter,
        String result,
        List<Finding> findings,
        List<ScanFindingReview> scanFindingReviews,
        String action,
        Integer minutesSpent,
        List<String> photoIds,
        String correctionReason) {

    public record Finding(String category, String description, Double quantity, String unit) {
    }

    /** The inspector's verdict on one region of a scan finding. */
    public record ScanFindingReview(String scanId, Integer region, String verdict) {
    }

    public boolean violationFound() {
        return "FINDINGS".equals(result);
    }

    List<Finding> findingsOrEmpty() {
        return findings == null ? List.of() : findings;
    }

    List<ScanFindingReview> reviewsOrEmpty() {
        return scanFindingReviews == null ? List.of() : scanFindingReviews;
    }

    List<String> photosOrEmpty() {
        return photoIds == null ? List.of() : photoIds;
    }
}
