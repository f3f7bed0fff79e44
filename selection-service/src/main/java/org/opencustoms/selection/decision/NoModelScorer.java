package org.opencustoms.selection.decision;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.model.IsfFiling;

import java.util.Optional;

/** Used while no trained model is configured: decisions rest on the rules alone and record model version "none". */
@DefaultBean
@ApplicationScoped
public class NoModelScorer implements RiskScorer {

    @Override
    public String version() {
        return "none";
    }

    @Override
    public Optional<Assessment> assess(IsfFiling filing) {
        return Optional.empty();
    }
}
