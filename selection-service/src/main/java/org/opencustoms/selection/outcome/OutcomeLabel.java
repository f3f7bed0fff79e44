package org.opencustoms.selection.outcome;

import org.opencustoms.common.problem.FieldViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An inspection's outcome as inspection-service reports it: did the inspected shipment violate anything. */
public record OutcomeLabel(
        UUID inspectionId,
        UUID decisionId,
        Integer outcomeVersion,
        Boolean violationFound,
        String category,
        List<String> categories,
        String examination,
        String action,
        Boolean correction,
        Instant recordedAt) {

    private static final Set<String> CATEGORIES = Set.of("MISDECLARED_GOODS", "MISDECLARED_QUANTITY", "MISDECLARED_VALUE",
            "UNDECLARED_GOODS", "PROHIBITED_OR_RESTRICTED", "NARCOTICS", "WEAPONS", "IPR");
    private static final Set<String> EXAMINATIONS = Set.of("NII_ONLY", "PARTIAL_PHYSICAL", "FULL_PHYSICAL");
    private static final Set<String> ACTIONS = Set.of("RELEASE", "HOLD", "SEIZURE", "REFERRAL");

    List<FieldViolation> violations() {
        List<FieldViolation> v = new ArrayList<>();
        check(v, inspectionId != null, "inspectionId", "required");
        check(v, decisionId != null, "decisionId", "required");
        check(v, outcomeVersion != null && outcomeVersion > 0, "outcomeVersion", "required: 1 or more");
        check(v, violationFound != null, "violationFound", "required");
        check(v, category == null || CATEGORIES.contains(category), "category", "one of the outcome categories");
        check(v, categories != null && categories.stream().allMatch(c -> c != null && CATEGORIES.contains(c)), "categories", "required: outcome categories, possibly none");
        check(v, violationFound == null || categories == null || violationFound == !categories.isEmpty(), "categories",
                "a violation has at least one category, and no violation none");
        check(v, examination != null && EXAMINATIONS.contains(examination), "examination", "NII_ONLY, PARTIAL_PHYSICAL or FULL_PHYSICAL");
        check(v, action != null && ACTIONS.contains(action), "action", "RELEASE, HOLD, SEIZURE or REFERRAL");
        check(v, correction != null, "correction", "required");
        check(v, recordedAt != null, "recordedAt", "required");
        return v;
    }

    private static void check(List<FieldViolation> v, boolean ok, String field, String message) {
        if (!ok) {
            v.add(new FieldViolation(field, message));
        }
    }
}
