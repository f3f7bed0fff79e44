package org.opencustoms.selection.audit.report;

/**
 * How often all traffic violates, estimated from the random stratum, beside the hit rate of risk
 * targeting and the lift of targeting over random.
 *
 * @param lift risk picks' hit rate over the estimated violation rate of all traffic; null when either is undefined or zero
 */
public record ComplianceReport(ReportBasis basis, String method, Estimate allTraffic, RiskTargeting riskPicks, Double lift) {

    /**
     * @param violationRate       Hajek estimate; null with no inspected random pick
     * @param effectiveSampleSize Kish's effective sample size the Wilson interval is computed on
     * @param randomPicks         filings picked at random in the period
     * @param sampled             random picks with a recorded outcome: the sample the estimate uses
     * @param awaitingOutcome     random picks not inspected yet; they are left out, assumed missing at random
     */
    public record Estimate(Double violationRate, double lower, double upper, Double standardError, double effectiveSampleSize,
                           long randomPicks, long sampled, long hits, long awaitingOutcome, Double estimatedFilings) {
    }

    /** selected: risk picks in the period; hits: violations among those inspected. */
    public record RiskTargeting(long selected, Rate hits) {
    }
}
