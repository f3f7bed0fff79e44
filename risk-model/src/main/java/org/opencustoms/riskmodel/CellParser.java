package org.opencustoms.riskmodel;

/** Turns raw cell text into numbers and labels, rejecting values that do not fit. */
public final class CellParser {

    private CellParser() {
    }

    /** Empty or absent cells are missing values (NaN), which XGBoost treats as missing. */
    static double number(Row row, String column) {
        String raw = row.value(column);
        if (raw == null) {
            return Double.NaN;
        }
        String text = raw.trim();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RiskModelException(row.location() + ": column '" + column
                    + "' must be numeric but is '" + raw + "'");
        }
    }

    public static int label(Row row, String column) {
        String raw = row.value(column);
        String text = raw == null ? "" : raw.trim();
        switch (text) {
            case "0":
                return 0;
            case "1":
                return 1;
            default:
                throw new RiskModelException(row.location() + ": label column '" + column
                        + "' must be 0 or 1 but is '" + (raw == null ? "" : raw) + "'");
        }
    }

    /** Categories are compared as trimmed text; an empty cell is its own category. */
    public static String category(Row row, String column) {
        String raw = row.value(column);
        return raw == null ? "" : raw.trim();
    }
}
