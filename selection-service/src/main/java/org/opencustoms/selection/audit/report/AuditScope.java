package org.opencustoms.selection.audit.report;

import org.opencustoms.common.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The decisions a report covers: those made in [from, to) at one port or all. Dates are UTC days, and a
 * date as {@code to} includes that day; instants are taken as they are. Without bounds a report covers
 * the last 30 days.
 */
public record AuditScope(Instant from, Instant to, String port) {

    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final Duration MAX_SPAN = Duration.ofDays(400);
    private static final Pattern LOCODE = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");

    public static AuditScope parse(String from, String to, String port, Instant now) {
        Instant end = blank(to) ? now : bound("to", to, true);
        Instant start = blank(from) ? end.minus(DEFAULT_SPAN) : bound("from", from, false);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("invalid-period", "from (" + start + ") must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ProblemException.badRequest("invalid-period", "a report covers at most " + MAX_SPAN.toDays() + " days");
        }
        String normalisedPort = null;
        if (!blank(port)) {
            normalisedPort = port.trim().toUpperCase(Locale.ROOT);
            if (!LOCODE.matcher(normalisedPort).matches()) {
                throw ProblemException.badRequest("invalid-port", "port must be a UN/LOCODE such as USLAX, not '" + port + "'");
            }
        }
        return new AuditScope(start, end, normalisedPort);
    }

    private static Instant bound(String name, String value, boolean endOfDay) {
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-period", name + " must be a date (2026-11-28) or an instant "
                    + "(2026-11-28T06:00:00Z), not '" + value + "'");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
