package org.opencustoms.codes;

import java.util.regex.Pattern;

/**
 * ISO 6346 container numbers: owner code (3 letters), category (U, J or Z), six-digit serial and a check
 * digit computed from the other ten characters.
 */
public final class ContainerNumbers {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}[UJZ][0-9]{7}");

    private ContainerNumbers() {
    }

    public static boolean isValid(String number) {
        return number != null && FORMAT.matcher(number).matches()
                && checkDigit(number.substring(0, 10)) == number.charAt(10) - '0';
    }

    /** The check digit of the first ten characters. */
    public static int checkDigit(String firstTen) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += letterOrDigitValue(firstTen.charAt(i)) << i;
        }
        return sum % 11 % 10;
    }

    /** Letters count from A = 10, skipping multiples of 11 (11, 22, 33). */
    private static int letterOrDigitValue(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        int value = 10 + (c - 'A');
        return value + (value - 1) / 10;
    }
}
