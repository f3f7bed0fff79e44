package org.opencustoms.selection.audit.report;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.opencustoms.selection.audit.stats.ChiSquareResult;
import org.opencustoms.selection.audit.stats.TwoProportionResult;
import org.opencustoms.selection.audit.stats.TwoProportionTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the fairness report from the audited filings of a period.
 *
 * <p>Risk picks are judged two ways. The four-fifths rule compares a group's selection rate with the
 * overall rate; a ratio outside the band is flagged only when the difference is also statistically
 * significant, so that noise in a moderately sized group is not reported as discrimination. Both
 * directions are flagged: over-selection burdens a group, under-selection favours it (and when one
 * group is over-selected heavily, the others fall below the band as a consequence). The
 * outcome test flags a group that is selected more often than the rest yet yields a lower hit rate:
 * the sign that it is inspected on weaker grounds. Random picks should not depend on the group at all;
 * a chi-square test checks that (against the recorded rates when they differ between filings). Flags control the family-wise error over the groups judged.
 */
public final class FairnessAnalysis {

    private FairnessAnalysis() {
    }

    public static FairnessReport analyse(ReportBasis basis, List<AuditedFiling> filings, GroupBy groupBy, FairnessMethod method) {
        Tally total = new Tally();
        Map<String, Tally> byGroup = new LinkedHashMap<>();
        for (AuditedFiling filing : filings) {
            total.add(filing);
            byGroup.computeIfAbsent(groupBy.groupOf(filing), group -> new Tally()).add(filing);
        }
        List<Map.Entry<String, Tally>> ordered = byGroup.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Tally>>comparingLong(e -> -e.getValue().filings).thenComparing(Map.Entry::getKey))
                .toList();

        long selectionJudged = ordered.stream().filter(e -> selectionJudgeable(e.getValue(), total, method)).count();
        long outcomeJudged = ordered.stream().filter(e -> outcomeJudgeable(e.getValue(), total, method)).count();
        double selectionAlpha = method.alpha() / Math.max(1, selectionJudged);
        double outcomeAlpha = method.alpha() / Math.max(1, outcomeJudged);

        List<FairnessReport.Group> groups = new ArrayList<>();
        List<FairnessReport.Flag> flags = new ArrayList<>();
        for (Map.Entry<String, Tally> entry : ordered) {
            groups.add(judge(entry.getKey(), entry.getValue(), total, method, selectionAlpha, outcomeAlpha, flags));
        }
        FairnessReport.RandomIndependence independence = randomIndependence(ordered, total, method);
        if (independence.flagged()) {
            flags.add(new FairnessReport.Flag(null, "RANDOM_DEPENDENCE", independence.pValue(), independence.verdict()));
        }
        return new FairnessReport(basis, groupBy.apiName(), method, total.risk(), total.random(), groups, independence, flags);
    }

    private static FairnessReport.Group judge(String name, Tally group, Tally total, FairnessMethod method, double selectionAlpha,
                                              double outcomeAlpha, List<FairnessReport.Flag> flags) {
        Tally rest = total.minus(group);
        List<String> groupFlags = new ArrayList<>();
        Double ratio = null;
        boolean outside = false;
        Double selectionP = null;
        Double restHitRate = null;
        Double outcomeP = null;
        boolean judged = selectionJudgeable(group, total, method);
        String note;
        if (!judged) {
            note = String.format(Locale.ROOT, "too few to judge: a group needs at least %d filings, and so does the rest", method.minFilings());
        } else {
            double overallRate = (double) total.riskPicks / total.filings;
            double groupRate = (double) group.riskPicks / group.filings;
            ratio = overallRate > 0 ? groupRate / overallRate : null;
            outside = ratio != null && (ratio < method.fourFifthsLower() || ratio > method.fourFifthsUpper());
            selectionP = TwoProportionTest.compare(group.riskPicks, group.filings, rest.riskPicks, rest.filings).pValueTwoSided();
            if (outside && selectionP < selectionAlpha) {
                groupFlags.add("FOUR_FIFTHS");
                flags.add(new FairnessReport.Flag(name, "FOUR_FIFTHS", selectionP, String.format(Locale.ROOT,
                        "%s is selected by risk %s often than overall: %.2f times the overall rate (outside %.2f-%.2f), p = %.2g", name,
                        ratio > 1 ? "more" : "less", ratio,
                        method.fourFifthsLower(), method.fourFifthsUpper(), selectionP)));
            }
            if (outcomeJudgeable(group, total, method)) {
                TwoProportionResult outcome = TwoProportionTest.compare(group.riskHits, group.riskInspected, rest.riskHits, rest.riskInspected);
                restHitRate = outcome.restRate();
                outcomeP = outcome.pValueGroupLower();
                boolean selectedMore = groupRate > (double) rest.riskPicks / rest.filings;
                if (selectedMore && outcomeP < outcomeAlpha) {
                    groupFlags.add("OUTCOME_TEST");
                    flags.add(new FairnessReport.Flag(name, "OUTCOME_TEST", outcomeP, String.format(Locale.ROOT,
                            "%s is selected more often than the rest but its risk picks find violations less often (%.1f %% vs %.1f %%), p = %.2g",
                            name, outcome.groupRate() * 100, outcome.restRate() * 100, outcomeP)));
                }
                note = groupFlags.isEmpty() ? "no disparity found" : "flagged";
            } else {
                note = String.format(Locale.ROOT, "selection judged; too few inspected risk picks for the outcome test (needs %d on each side)",
                        method.minInspected());
                if (!groupFlags.isEmpty()) {
                    note = "flagged; " + note;
                }
            }
        }
        return new FairnessReport.Group(name, group.filings, judged, note, group.risk(), group.random(), ratio, outside, selectionP,
                restHitRate, outcomeP, groupFlags);
    }

    private static boolean selectionJudgeable(Tally group, Tally total, FairnessMethod method) {
        return group.filings >= method.minFilings() && total.filings - group.filings >= method.minFilings();
    }

    private static boolean outcomeJudgeable(Tally group, Tally total, FairnessMethod method) {
        return selectionJudgeable(group, total, method) && group.riskInspected >= method.minInspected()
                && total.riskInspected - group.riskInspected >= method.minInspected();
    }

    /**
     * With one random rate for every filing, Pearson's test of independence of group and pick. When rates
     * differ (per port, or changed during the period) independence is not what the draws promise: each
     * group should then get the sum of its filings' rates, tested as goodness of fit (df = groups).
     */
    private static FairnessReport.RandomIndependence randomIndependence(List<Map.Entry<String, Tally>> groups, Tally total,
                                                                         FairnessMethod method) {
        List<Tally> judged = groups.stream().map(Map.Entry::getValue).filter(g -> selectionJudgeable(g, total, method)).toList();
        if (judged.size() < 2) {
            return new FairnessReport.RandomIndependence("independence", judged.size(), 0, 0, null, null, false, false,
                    "too few to judge: fewer than two groups have " + method.minFilings() + " filings");
        }
        boolean oneRate = total.minRandomRate == total.maxRandomRate;
        String test;
        ChiSquareResult result;
        if (oneRate) {
            test = "independence";
            result = independence(judged.stream().mapToLong(g -> g.randomPicks).toArray(),
                    judged.stream().mapToLong(g -> g.filings - g.randomPicks).toArray());
        } else {
            test = "goodness of fit to the recorded rates";
            result = fitToRecordedRates(judged);
        }
        // with expected counts under 5 the chi-square tail is too heavy to trust: report, but never flag on it
        boolean flagged = result.approximationReliable() && result.pValue() < method.randomAlpha();
        String verdict;
        if (!result.approximationReliable()) {
            verdict = String.format(Locale.ROOT, "too few random picks per group to test reliably (smallest expected count %.1f is under 5)",
                    result.minExpectedCount());
        } else {
            verdict = flagged
                    ? String.format(Locale.ROOT, "random picks depend on the group (chi-square %.1f, df %d, p = %.2g): check the draws",
                    result.statistic(), result.degreesOfFreedom(), result.pValue())
                    : "no dependence of random picks on the group found";
        }
        return new FairnessReport.RandomIndependence(test, result.groupsUsed(), result.statistic(), result.degreesOfFreedom(), result.pValue(),
                Double.isNaN(result.minExpectedCount()) ? null : result.minExpectedCount(), result.approximationReliable(), flagged, verdict);
    }

    /**
     * Pearson's test of independence on the groups x (picked, not picked) table: is the chance of being
     * picked the same in every group? Groups without filings are dropped; with fewer than two left, or
     * nobody (or everybody) picked, there is nothing to test and the p-value is 1.
     *
     * @param picked    per group, the number of filings picked
     * @param notPicked per group, the number not picked (same order and length as {@code picked})
     */
    static ChiSquareResult independence(long[] picked, long[] notPicked) {
        if (picked.length != notPicked.length) {
            throw new IllegalArgumentException("picked and notPicked must have the same length, were "
                    + picked.length + " and " + notPicked.length);
        }
        List<long[]> rows = new ArrayList<>();
        long pickedTotal = 0;
        long notPickedTotal = 0;
        for (int i = 0; i < picked.length; i++) {
            requireNonNegative("picked", i, picked[i]);
            requireNonNegative("notPicked", i, notPicked[i]);
            if (picked[i] + notPicked[i] > 0) {
                rows.add(new long[] {picked[i], notPicked[i]});
            }
            pickedTotal = Math.addExact(pickedTotal, picked[i]);
            notPickedTotal = Math.addExact(notPickedTotal, notPicked[i]);
        }
        if (rows.size() < 2) {
            return new ChiSquareResult(0.0, 0, 1.0, Double.NaN, rows.size());
        }
        int degreesOfFreedom = rows.size() - 1;
        if (pickedTotal == 0 || notPickedTotal == 0) {
            return new ChiSquareResult(0.0, degreesOfFreedom, 1.0, 0.0, rows.size());
        }
        SignificanceResult test = ChiSquareTest.withDefaults().test(rows.toArray(long[][]::new));
        double grandTotal = (double) pickedTotal + notPickedTotal;
        double pickedShare = pickedTotal / grandTotal;
        double notPickedShare = notPickedTotal / grandTotal;
        double minExpected = Double.POSITIVE_INFINITY;
        for (long[] row : rows) {
            double groupTotal = (double) row[0] + row[1];
            minExpected = Math.min(minExpected, Math.min(groupTotal * pickedShare, groupTotal * notPickedShare));
        }
        return new ChiSquareResult(test.getStatistic(), degreesOfFreedom, test.getPValue(), minExpected, rows.size());
    }

    private static void requireNonNegative(String name, int index, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + "[" + index + "] must be >= 0, was " + count);
        }
    }

    private static ChiSquareResult fitToRecordedRates(List<Tally> groups) {
        double statistic = 0;
        double minExpected = Double.POSITIVE_INFINITY;
        for (Tally group : groups) {
            double expectedPicked = group.expectedRandomPicks;
            double expectedNotPicked = group.filings - expectedPicked;
            statistic += cell(group.randomPicks, expectedPicked) + cell(group.filings - group.randomPicks, expectedNotPicked);
            minExpected = Math.min(minExpected, Math.min(expectedPicked, expectedNotPicked));
        }
        double pValue = Double.isInfinite(statistic) ? 0.0 : ChiSquaredDistribution.of(groups.size()).survivalProbability(statistic);
        return new ChiSquareResult(statistic, groups.size(), pValue, minExpected, groups.size());
    }

    /** Pearson's (O - E)^2 / E; a count where none could occur (a rate of 0 or 1) is infinitely unlikely. */
    private static double cell(long observed, double expected) {
        if (expected <= 0) {
            return observed == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double deviation = observed - expected;
        return deviation * deviation / expected;
    }

    /** Counts of one group (or of everyone). */
    private static final class Tally {
        long filings;
        long riskPicks;
        long riskInspected;
        long riskHits;
        long randomPicks;
        long randomInspected;
        long randomHits;
        double expectedRandomPicks;
        double minRandomRate = Double.POSITIVE_INFINITY;
        double maxRandomRate = Double.NEGATIVE_INFINITY;

        void add(AuditedFiling filing) {
            filings += filing.count();
            expectedRandomPicks += filing.randomRate() * filing.count();
            minRandomRate = Math.min(minRandomRate, filing.randomRate());
            maxRandomRate = Math.max(maxRandomRate, filing.randomRate());
            if (filing.pickedByRisk()) {
                riskPicks += filing.count();
                riskInspected += filing.inspectedCount();
                riskHits += filing.hitCount();
            }
            if (filing.pickedAtRandom()) {
                randomPicks += filing.count();
                randomInspected += filing.inspectedCount();
                randomHits += filing.hitCount();
            }
        }

        Tally minus(Tally other) {
            Tally rest = new Tally();
            rest.filings = filings - other.filings;
            rest.riskPicks = riskPicks - other.riskPicks;
            rest.riskInspected = riskInspected - other.riskInspected;
            rest.riskHits = riskHits - other.riskHits;
            rest.randomPicks = randomPicks - other.randomPicks;
            rest.randomInspected = randomInspected - other.randomInspected;
            rest.randomHits = randomHits - other.randomHits;
            return rest;
        }

        FairnessReport.Stratum risk() {
            return new FairnessReport.Stratum(Rate.of(riskPicks, filings), Rate.of(riskHits, riskInspected));
        }

        FairnessReport.Stratum random() {
            return new FairnessReport.Stratum(Rate.of(randomPicks, filings), Rate.of(randomHits, randomInspected));
        }
    }
}
