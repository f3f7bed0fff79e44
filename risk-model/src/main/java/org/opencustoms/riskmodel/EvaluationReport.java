package org.opencustoms.riskmodel;

import java.util.Map;

/**
 * Quality of scores against known labels. {@code precisionAtPercent} maps k (as text, e.g. "5") to the share of
 * positives among the ceil(k% of rows) highest-scored rows.
 */
public record EvaluationReport(int rows, double positiveRate, double auc, Map<String, Double> precisionAtPercent) {
}
