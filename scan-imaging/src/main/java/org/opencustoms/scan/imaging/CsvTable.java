package org.opencustoms.scan.imaging;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, read leniently: LF, CRLF or CR line ends, a leading byte-order mark, quoted
 * fields with doubled quotes and line breaks inside, blank lines skipped.
 */
final class CsvTable {

    /** A record and the line it starts on, for error messages. */
    record Row(int line, List<String> fields) {
    }

    private CsvTable() {
    }

    static List<Row> parse(Reader reader) throws IOException {
        String text = readAll(reader);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                record.add(finish(field, fieldWasQuoted));
                fieldWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(finish(field, fieldWasQuoted));
                fieldWasQuoted = false;
                addIfNotBlank(records, record, recordLine);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (!(fieldWasQuoted && Character.isWhitespace(c))) {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IOException("line " + recordLine + ": a quoted field is not closed");
        }
        if (field.length() > 0 || fieldWasQuoted || !record.isEmpty()) {
            record.add(finish(field, fieldWasQuoted));
            addIfNotBlank(records, record, recordLine);
        }
        return records;
    }

    private static String finish(StringBuilder field, boolean wasQuoted) {
        String value = wasQuoted ? field.toString() : field.toString().trim();
        field.setLength(0);
        return value;
    }

    private static void addIfNotBlank(List<Row> records, List<String> record, int line) {
        if (!record.stream().allMatch(String::isEmpty)) {
            records.add(new Row(line, List.copyOf(record)));
        }
    }

    /** A field as written: quoted only when it holds a comma, a quote or a line break. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int read;
        while ((read = reader.read(buffer)) >= 0) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }
}
