package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.RiskModelException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV: comma separated, optional double quotes, "" as an escaped quote, CRLF or LF. */
public final class CsvReader {

    private CsvReader() {
    }

    public static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RiskModelException("file not found: " + file);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new RiskModelException("file not found: " + file);
        } catch (IOException e) {
            throw new RiskModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static CsvTable read(Reader reader, String source) throws IOException {
        RecordParser parser = new RecordParser(reader, source);
        List<String> header = parser.next();
        if (header == null) {
            throw new RiskModelException(source + " is empty: a header line is required");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        while (true) {
            long line = parser.line();
            List<String> record = parser.next();
            if (record == null) {
                break;
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // blank line
            }
            if (record.size() != header.size()) {
                throw new RiskModelException(source + " line " + line + ": expected " + header.size()
                        + " fields as in the header but found " + record.size());
            }
            records.add(record.toArray(new String[0]));
            lines.add(line);
        }
        return new CsvTable(source, header, records, lines);
    }

    private static final class RecordParser {
        private final Reader reader;
        private final String source;
        private long line = 1;
        private int pushedBack = -2;

        RecordParser(Reader reader, String source) {
            this.reader = reader;
            this.source = source;
        }

        long line() {
            return line;
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return reader.read();
        }

        /** The next record's fields, or null at end of input. */
        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            long startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldWasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new RiskModelException(source + " line " + startLine + ": unterminated quoted field");
                    }
                    if (c == '"') {
                        int following = read();
                        if (following == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = following;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0 && !fieldWasQuoted) {
                    quoted = true;
                    fieldWasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int following = read();
                        if (following != '\n') {
                            pushedBack = following;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else if (fieldWasQuoted) {
                    throw new RiskModelException(source + " line " + line + ": unexpected character after closing quote");
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }
    }
}
