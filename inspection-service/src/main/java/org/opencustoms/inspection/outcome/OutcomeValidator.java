package org.opencustoms.inspection.outcome;

import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.inspection.finding.FindingRepository.StoredFinding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks an outcome against its vocabularies and against the task it is for. */
final class OutcomeValidator {

    static final Set<String> EXAMINATIONS = Set.of("NII_ONLY", "PARTIAL_PHYSICAL", "FULL_PHYSICAL");
    static final Set<String> RESULTS = Set.of("NO_DISCREPANCY", "FINDINGS");
    static final Set<String> CATEGORIES = Set.of("MISDECLARED_GOODS", "MISDECLARED_QUANTITY", "MISDECLARED_VALUE", "UNDECLARED_GOODS",
            "PROHIBITED_OR_RESTRICTED", "NARCOTICS", "WEAPONS", "IPR");
    static final Set<String> ACTIONS = Set.of("RELEASE", "HOLD", "SEIZURE", "REFERRAL");
    static final Set<String> VERDICTS = Set.of("CONFIRMED", "REJECTED");
    private static final int MAX_MINUTES = 7 * 24 * 60;
    private static final int MAX_TEXT = 2000;

    private OutcomeValidator() {
    }

    static List<FieldViolation> violations(OutcomeRequest outcome, boolean isCorrection, List<StoredFinding> scanFindings, Set<String> taskPhotos) {
        List<FieldViolation> v = new ArrayList<>();
        oneOf(v, "examination", outcome.examination(), EXAMINATIONS);
        oneOf(v, "result", outcome.result(), RESULTS);
        oneOf(v, "action", outcome.action(), ACTIONS);
        seals(v, "sealsBefore", outcome.sealsBefore());
        seals(v, "sealsAfter", outcome.sealsAfter());
        if (outcome.minutesSpent() == null || outcome.minutesSpent() < 0 || outcome.minutesSpent() > MAX_MINUTES) {
            v.add(new FieldViolation("minutesSpent", "required: 0 to " + MAX_MINUTES + " minutes"));
        }
        List<OutcomeRequest.Finding> findings = outcome.findingsOrEmpty();
        if ("FINDINGS".equals(outcome.result()) && findings.isEmpty()) {
            v.add(new FieldViolation("findings", "a result of FINDINGS needs at least one finding"));
        }
        if ("NO_DISCREPANCY".equals(outcome.result()) && !findings.isEmpty()) {
            v.add(new FieldViolation("findings", "a result of NO_DISCREPANCY has no findings"));
        }
        for (int i = 0; i < findings.size(); i++) {
            OutcomeRequest.Finding f = findings.get(i);
            String path = "findings[" + i + "]";
            if (f == null) {
                v.add(new FieldViolation(path, "must not be null"));
                continue;
            }
            oneOf(v, path + ".category", f.category(), CATEGORIES);
            if (f.description() != null && f.description().length() > MAX_TEXT) {
                v.add(new FieldViolation(path + ".description", "at most " + MAX_TEXT + " characters"));
            }
            if (f.quantity() != null && !(f.quantity() >= 0 && f.quantity() < 1e12)) {
                v.add(new FieldViolation(path + ".quantity", "a quantity of 0 or more"));
            }
        }
        reviews(v, outcome.reviewsOrEmpty(), scanFindings);
        List<String> photos = outcome.photosOrEmpty();
        for (int i = 0; i < photos.size(); i++) {
            if (!taskPhotos.contains(photos.get(i))) {
                v.add(new FieldViolation("photoIds[" + i + "]", "no photo " + photos.get(i) + " was uploaded for this task"));
            }
        }
        String reason = outcome.correctionReason();
        if (isCorrection && (reason == null || reason.isBlank())) {
            v.add(new FieldViolation("correctionReason", "required: this task already has an outcome, so this is a correction"));
        } else if (!isCorrection && reason != null) {
            v.add(new FieldViolation("correctionReason", "only a correction of a recorded outcome has a reason"));
        } else if (reason != null && reason.length() > MAX_TEXT) {
            v.add(new FieldViolation("correctionReason", "at most " + MAX_TEXT + " characters"));
        }
        return v;
    }

    private static void reviews(List<FieldViolation> v, List<OutcomeRequest.ScanFindingReview> reviews, List<StoredFinding> scanFindings) {
        Map<String, StoredFinding> byScan = scanFindings.stream().collect(Collectors.toMap(StoredFinding::scanId, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reviews.size(); i++) {
            OutcomeRequest.ScanFindingReview review = reviews.get(i);
            String path = "scanFindingReviews[" + i + "]";
            StoredFinding finding = review == null ? null : byScan.get(review.scanId());
            if (finding == null) {
                v.add(new FieldViolation(path + ".scanId", "not a scan finding of this task"));
                continue;
            }
            int regions = finding.finding().regions() == null ? 0 : finding.finding().regions().size();
            if (review.region() == null || review.region() < 0 || review.region() >= regions) {
                v.add(new FieldViolation(path + ".region", "scan " + review.scanId() + " has regions 0 to " + (regions - 1)));
            } else if (!seen.add(review.scanId() + "#" + review.region())) {
                v.add(new FieldViolation(path, "region reviewed twice"));
            }
            oneOf(v, path + ".verdict", review.verdict(), VERDICTS);
        }
    }

    private static void seals(List<FieldViolation> v, String field, List<String> seals) {
        if (seals == null) {
            return;
        }
        if (seals.size() > 20) {
            v.add(new FieldViolation(field, "at most 20 seals"));
        }
        for (int i = 0; i < seals.size(); i++) {
            String seal = seals.get(i);
            if (seal == null || !seal.matches("[A-Za-z0-9\\-/]{1,40}")) {
                v.add(new FieldViolation(field + "[" + i + "]", "a seal number: 1-40 letters, digits, - or /"));
            }
        }
    }

    private static void oneOf(List<FieldViolation> v, String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            v.add(new FieldViolation(field, "one of " + allowed.stream().sorted().collect(Collectors.joining(", "))));
        }
    }
}
