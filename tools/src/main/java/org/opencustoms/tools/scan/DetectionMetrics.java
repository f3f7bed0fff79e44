package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.ScanAnalysis;
import org.opencustoms.tools.Auc;

import org.opencustoms.scan.imaging.Box;

import java.util.Arrays;
import java.util.List;

/** Scan-level and box-level figures of a detector. */
public final class DetectionMetrics {

    static final double FALSE_ALARM_RATE = 0.05;
    static final double LOCALISATION_IOU = 0.3;

    private DetectionMetrics() {
    }

    /** Area under the ROC curve (Mann-Whitney, ties count half); null without both classes. */
    static Double auc(double[] positives, double[] negatives) {
        double auc = Auc.fromClasses(positives, negatives);
        return Double.isNaN(auc) ? null : auc;
    }

    /**
     * The smallest threshold that keeps the false alarms (negatives scoring above it) at or under the rate;
     * a scan is flagged when its score is above the threshold.
     */
    static double thresholdAtFalseAlarmRate(double[] negatives, double rate) {
        if (negatives.length == 0) {
            return 0.5;
        }
        double[] descending = Arrays.stream(negatives).map(v -> -v).sorted().map(v -> -v).toArray();
        int allowed = (int) Math.floor(rate * negatives.length);
        return allowed >= descending.length ? Double.NEGATIVE_INFINITY : descending[allowed];
    }

    static Double detectionRate(double[] positives, double threshold) {
        if (positives.length == 0) {
            return null;
        }
        return (double) Arrays.stream(positives).filter(score -> score > threshold).count() / positives.length;
    }

    /** A true box is localised by a predicted region overlapping it with IoU >= 0.3 or containing its centre. */
    public static boolean localised(Box truth, List<ScanAnalysis.Region> regions) {
        double centreX = truth.x() + truth.w() / 2.0;
        double centreY = truth.y() + truth.h() / 2.0;
        for (ScanAnalysis.Region region : regions) {
            boolean containsCentre = centreX >= region.x() && centreX <= region.x() + region.width()
                    && centreY >= region.y() && centreY <= region.y() + region.height();
            if (containsCentre || iou(truth, region) >= LOCALISATION_IOU) {
                return true;
            }
        }
        return false;
    }

    static double iou(Box truth, ScanAnalysis.Region region) {
        double overlapWidth = Math.min(truth.x() + truth.w(), region.x() + region.width()) - Math.max(truth.x(), region.x());
        double overlapHeight = Math.min(truth.y() + truth.h(), region.y() + region.height()) - Math.max(truth.y(), region.y());
        if (overlapWidth <= 0 || overlapHeight <= 0) {
            return 0;
        }
        double overlap = overlapWidth * overlapHeight;
        return overlap / ((double) truth.w() * truth.h() + (double) region.width() * region.height() - overlap);
    }
}
