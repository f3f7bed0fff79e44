package org.opencustoms.selection.audit.report;

/**
 * The thresholds a fairness report judges by, stated in every report.
 *
 * @param minFilings        a group with fewer filings (or a rest with fewer) is "too few to judge" for selection rates
 * @param minInspected      fewer inspected risk picks on either side and the outcome test is not run
 * @param alpha             family-wise significance level of the flags, split over the groups judged (Bonferroni)
 * @param randomAlpha       significance level of the chi-square test of the random draws
 */
public record FairnessMethod(double confidence, String interval, int minFilings, int minInspected, double fourFifthsLower,
                             double fourFifthsUpper, double alpha, String correction, double randomAlpha) {

    public static final FairnessMethod STANDARD = new FairnessMethod(0.95, "Wilson score", 30, 10, 0.8, 1.25, 0.05,
            "Bonferroni over the groups judged", 0.01);
}
