package org.opencustoms.selection.audit.report;

import java.util.List;

/** Selection and hit rates by group, for risk picks and random picks separately, with the groups flagged. */
public record FairnessReport(ReportBasis basis, String groupBy, FairnessMethod method, Stratum overallRisk, Stratum overallRandom,
                             List<Group> groups, RandomIndependence randomIndependence, List<Flag> flags) {

    /** Selected out of filings, and hits out of the selected filings inspected. */
    public record Stratum(Rate selection, Rate hits) {
    }

    /**
     * @param judged         enough filings here and in the rest to compare selection rates
     * @param selectionRatio risk selection rate over the overall rate (the four-fifths rule's ratio); null when undefined
     * @param selectionPValue two-sided test of the group's risk selection rate against the rest's
     * @param outcomePValue  one-sided test that the group's hit rate is lower than the rest's; null when not run
     */
    public record Group(String group, long filings, boolean judged, String note, Stratum risk, Stratum random, Double selectionRatio,
                        boolean outsideFourFifths, Double selectionPValue, Double restHitRate, Double outcomePValue, List<String> flags) {
    }

    /**
     * Chi-square test that being picked at random does not depend on the group (judged groups only).
     * test: "independence" when every filing had the same random rate, else "goodness of fit to the recorded rates".
     */
    public record RandomIndependence(String test, int groupsTested, double chiSquare, int degreesOfFreedom, Double pValue, Double minExpectedCount,
                                     boolean reliable, boolean flagged, String verdict) {
    }

    /** kind: FOUR_FIFTHS, OUTCOME_TEST or RANDOM_DEPENDENCE. */
    public record Flag(String group, String kind, double pValue, String message) {
    }
}
