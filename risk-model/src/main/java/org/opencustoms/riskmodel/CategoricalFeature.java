package org.opencustoms.riskmodel;

/** A categorical feature: a column's value, or only its first {@code prefixLength} characters when above 0. */
public record CategoricalFeature(String name, String column, int prefixLength) {

    public String valueOf(Row row) {
        String value = CellParser.category(row, column);
        if (prefixLength > 0 && value.length() > prefixLength) {
            return value.substring(0, prefixLength);
        }
        return value;
    }
}
