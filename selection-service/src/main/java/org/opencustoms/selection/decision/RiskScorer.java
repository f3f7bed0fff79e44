package org.opencustoms.selection.decision;

import org.opencustoms.selection.isf.model.IsfFiling;

import java.util.List;
import java.util.Optional;

/** The learned model's view of a filing: a score in [0, 1] and the features that drove it. */
public interface RiskScorer {

    record Assessment(double score, List<Reason> contributions) {
    }

    /** "none" when no model is loaded. */
    String version();

    Optional<Assessment> assess(IsfFiling filing);
}
