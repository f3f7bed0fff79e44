package org.opencustoms.selection.audit.stats;

/**
 * Outcome of a {@link TwoProportionTest}.
 *
 * @param groupRate        hit rate of the group; NaN if the group had no trials
 * @param restRate         hit rate of everyone else; NaN if the rest had no trials
 * @param z                (groupRate - restRate) / pooled standard error; 0 when undefined
 * @param pValueGroupLower one-sided p-value for "the group's hit rate is lower than the rest's"
 * @param pValueTwoSided   two-sided p-value for "the rates differ"
 */
public record TwoProportionResult(
        double groupRate, double restRate, double z, double pValueGroupLower, double pValueTwoSided) {
}
