package org.opencustoms.tools.sim;

/** Parses command-line values; a bad one is an IllegalArgumentException that tells the user what to fix. */
public final class CliValues {

    private CliValues() {
    }

    public static int intIn(String option, String value, int low, int high) {
        long number = longValue(option, value);
        if (number < low || number > high) {
            throw new IllegalArgumentException(option + " must be " + low + " to " + high + ", got " + value);
        }
        return (int) number;
    }

    public static long longValue(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    public static double share(String option, String value) {
        double number = decimal(option, value);
        if (!(number >= 0 && number <= 1)) {
            throw new IllegalArgumentException(option + " must be between 0 and 1, got " + value);
        }
        return number;
    }

    public static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    /** An image scale: above 0 and at most 1. */
    public static double scale(String option, String value) {
        double number = decimal(option, value);
        if (!(number > 0 && number <= 1)) {
            throw new IllegalArgumentException(option + " must be above 0 and at most 1, got " + value);
        }
        return number;
    }
}
