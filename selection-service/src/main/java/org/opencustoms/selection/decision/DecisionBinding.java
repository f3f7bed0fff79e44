package org.opencustoms.selection.decision;

import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.log.LogContentCheck;
import org.opencustoms.selection.log.LogEntryEntity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An entry's whole decision agrees with what its leaf commits to: from format 2 on, every field of the disclosed
 * decision but the plain reasons is the decision's, and the intelligence commitment opens to the decision's detailed
 * reasons; in format 1 the decision is the leaf itself.
 */
@ApplicationScoped
public class DecisionBinding implements LogContentCheck {

    @Override
    public String problem(LogEntryEntity entry) {
        if (entry.format != 2) {
            return Arrays.equals(entry.decision, entry.entry) ? null : "the decision kept beside the leaf is not the leaf's";
        }
        try {
            Decision decision = CanonicalJson.read(entry.decision, Decision.class);
            DisclosedDecision committed = CanonicalJson.read(entry.disclosed, DisclosedDecision.class);
            DisclosedDecision expected = DisclosedDecision.of(decision, Map.of(), entry.intelligenceSalt);
            return expected.withReasons(List.of()).equals(committed.withReasons(List.of())) ? null
                    : "the decision kept beside the leaf differs from the one it commits to";
        } catch (IllegalStateException | NullPointerException e) {
            return "the decision or what it commits to is not readable";
        }
    }
}
