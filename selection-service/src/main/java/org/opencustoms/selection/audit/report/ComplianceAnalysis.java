package org.opencustoms.selection.audit.report;

import org.opencustoms.selection.audit.stats.Hajek;
import org.opencustoms.selection.audit.stats.HajekEstimate;
import org.opencustoms.selection.audit.stats.SampledUnit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Estimates the violation rate of all traffic from the random picks. Each inspected random pick stands
 * for 1 / randomRate filings: randomRate is the probability the draw had of picking it, recorded with
 * the decision, and it is the right inclusion probability even for filings that risk picked as well,
 * because the draw is made independently of risk. (The decision's own pickProbability is 1 for those,
 * which is their chance of being inspected at all, not of being in the random stratum.)
 */
public final class ComplianceAnalysis {

    static final String METHOD = "Hajek (ratio) form of the Horvitz-Thompson estimator over inspected random picks, each weighted by "
            + "1 / the random-draw rate recorded with its decision; 95 % Wilson interval on Kish's effective sample size";

    private ComplianceAnalysis() {
    }

    public static ComplianceReport analyse(ReportBasis basis, List<AuditedFiling> filings) {
        List<SampledUnit> sample = new ArrayList<>();
        long randomPicks = 0;
        long riskPicks = 0;
        long riskInspected = 0;
        long riskHits = 0;
        for (AuditedFiling filing : filings) {
            if (filing.pickedAtRandom() && filing.randomRate() > 0) {
                randomPicks += filing.count();
                if (filing.inspected()) {
                    sample.addAll(Collections.nCopies(Math.toIntExact(filing.count()), new SampledUnit(filing.randomRate(), filing.hit())));
                }
            }
            if (filing.pickedByRisk()) {
                riskPicks += filing.count();
                riskInspected += filing.inspectedCount();
                riskHits += filing.hitCount();
            }
        }
        HajekEstimate estimate = Hajek.estimate(sample);
        boolean defined = estimate.sampleSize() > 0;
        double populationEstimate = sample.stream().mapToDouble(SampledUnit::weight).sum();
        ComplianceReport.Estimate allTraffic = new ComplianceReport.Estimate(defined ? estimate.rate() : null,
                estimate.wilsonInterval().lower(), estimate.wilsonInterval().upper(), defined ? estimate.standardError() : null,
                estimate.effectiveSampleSize(), randomPicks, estimate.sampleSize(), estimate.hits(), randomPicks - estimate.sampleSize(),
                defined ? populationEstimate : null);
        Rate riskHitRate = Rate.of(riskHits, riskInspected);
        Double lift = defined && estimate.rate() > 0 && riskHitRate.rate() != null ? riskHitRate.rate() / estimate.rate() : null;
        return new ComplianceReport(basis, METHOD, allTraffic, new ComplianceReport.RiskTargeting(riskPicks, riskHitRate), lift);
    }
}
