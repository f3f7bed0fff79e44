package org.opencustoms.selection.audit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An RFC 4180 table written by Jackson: CRLF line ends, a cell quoted only when it holds a comma, a quote
 * or a line break. Text that a spreadsheet would run as a formula (starting with = + - @ or a control
 * character) is prefixed with an apostrophe: group names come from filers.
 */
final class CsvTable {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema LINES = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private final List<List<String>> lines = new ArrayList<>();
    private final int columns;

    CsvTable(List<String> header) {
        columns = header.size();
        line(header);
    }

    CsvTable row(List<?> values) {
        if (values.size() != columns) {
            throw new IllegalArgumentException("a row has " + columns + " values, not " + values.size());
        }
        line(values);
        return this;
    }

    /** The period, port and tree head, repeated on every row so that each row can be tied to the log on its own. */
    static List<String> basisHeader() {
        return List.of("period_from", "period_to", "port", "tree_size", "root_hash");
    }

    static List<Object> basisValues(ReportBasis basis) {
        return java.util.Arrays.asList(basis.from(), basis.to(), basis.port(), basis.treeHead().treeSize(), basis.treeHead().rootHash());
    }

    static List<String> rateHeader(String prefix) {
        return List.of(prefix + "_count", prefix + "_of", prefix + "_rate", prefix + "_lower95", prefix + "_upper95");
    }

    static List<Object> rateValues(Rate rate) {
        return java.util.Arrays.asList(rate.count(), rate.of(), rate.rate(), rate.lower(), rate.upper());
    }

    @SafeVarargs
    static <T> List<T> concat(List<? extends T>... parts) {
        return Stream.of(parts).flatMap(List::stream).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        try {
            return CSV.writer(LINES).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(List<?> values) {
        lines.add(values.stream().map(CsvTable::cell).toList());
    }

    /** Spreadsheets skip leading blanks before they look for a formula, so " =1+1" is one too. */
    static boolean startsLikeAFormula(String text) {
        if (!text.isEmpty() && text.charAt(0) < ' ') {
            return true;
        }
        int first = 0;
        while (first < text.length() && (Character.isWhitespace(text.charAt(first)) || Character.isSpaceChar(text.charAt(first)))) {
            first++;
        }
        return first < text.length() && "=+-@".indexOf(text.charAt(first)) >= 0;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        return startsLikeAFormula(text) ? "'" + text : text;
    }
}
