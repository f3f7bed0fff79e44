package org.opencustoms.selection.audit.stats;

/**
 * One filing drawn into a random stratum.
 *
 * @param inclusionProbability the probability with which this filing was drawn, in (0, 1]
 * @param violation            whether the inspection found a violation
 */
public record SampledUnit(double inclusionProbability, boolean violation) {

    public SampledUnit {
        if (!(inclusionProbability > 0.0 && inclusionProbability <= 1.0)) {
            throw new IllegalArgumentException("inclusion probability must be in (0, 1], was " + inclusionProbability);
        }
    }

    /** Design weight 1/p: how many filings of the population this one stands for. */
    public double weight() {
        return 1.0 / inclusionProbability;
    }

    double outcome() {
        return violation ? 1.0 : 0.0;
    }
}
