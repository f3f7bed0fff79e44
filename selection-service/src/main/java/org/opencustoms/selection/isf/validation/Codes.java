package org.opencustoms.selection.isf.validation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The code lists a filing refers to: ISO 3166 countries, UN/LOCODE ports, HTSUS numbers, CBP party ids. */
public final class Codes {

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    /** UN/LOCODE: ISO country code then three letters or digits 2-9. */
    private static final Pattern LOCODE = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");
    private static final Pattern HTS = Pattern.compile("[0-9]{6}([0-9]{2}){0,2}");
    /** IRS EIN (with optional suffix), CBP-assigned number, or SSN: the importer of record and consignee numbers. */
    private static final Pattern PARTY_NUMBER = Pattern.compile("[0-9]{2}-[0-9]{7}([0-9A-Z]{2})?|[0-9]{6}-[0-9]{5}|[0-9]{3}-[0-9]{2}-[0-9]{4}");
    private static final Pattern SCAC = Pattern.compile("[A-Z]{2,4}");
    private static final Pattern IMO = Pattern.compile("[0-9]{7}");

    private Codes() {
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean isLocode(String code) {
        return code != null && LOCODE.matcher(code).matches() && isCountry(code.substring(0, 2));
    }

    /** Digits only (dots removed), 6, 8 or 10 of them, in a chapter of the schedule (01-97; 77 is reserved). */
    public static boolean isHtsNumber(String digits) {
        if (digits == null || !HTS.matcher(digits).matches()) {
            return false;
        }
        int chapter = Integer.parseInt(digits.substring(0, 2));
        return chapter >= 1 && chapter <= 97 && chapter != 77;
    }

    public static String normaliseHts(String value) {
        return value == null ? null : value.replace(".", "").trim();
    }

    public static boolean isPartyNumber(String number) {
        return number != null && PARTY_NUMBER.matcher(number).matches();
    }

    public static boolean isScac(String code) {
        return code != null && SCAC.matcher(code).matches();
    }

    /** IMO ship identification number: seven digits, the last a check digit (weights 7..2). */
    public static boolean isImoNumber(String number) {
        if (number == null || !IMO.matcher(number).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (number.charAt(i) - '0') * (7 - i);
        }
        return sum % 10 == number.charAt(6) - '0';
    }
}
