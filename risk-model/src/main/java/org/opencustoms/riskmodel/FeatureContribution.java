package org.opencustoms.riskmodel;

/**
 * How much one feature moved a record's score, as a SHAP value in log-odds (positive = riskier).
 * {@code value} is the feature's input value (NaN when missing).
 */
public record FeatureContribution(String feature, double value, double contribution) {
}
