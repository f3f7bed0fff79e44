package org.opencustoms.selection.random;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Random-draw periods are UTC days, named yyyy-MM-dd. */
public final class Periods {

    private Periods() {
    }

    public static String of(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    public static Instant start(String period) {
        return parse(period).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instant end(String period) {
        return parse(period).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static boolean isClosed(String period, Instant now) {
        return !now.isBefore(end(period));
    }

    public static String next(String period, int days) {
        return parse(period).plusDays(days).toString();
    }

    public static LocalDate parse(String period) {
        try {
            return LocalDate.parse(period);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a period is a UTC date such as 2026-11-28, not " + period);
        }
    }
}
