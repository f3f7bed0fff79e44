package org.opencustoms.tools.risk;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import org.opencustoms.riskmodel.RiskModelException;
import org.opencustoms.tools.Csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV (comma separated, optional double quotes, "" as an escaped quote, CRLF, LF or CR,
 * a leading byte-order mark) whose first line is the header; blank lines are skipped and every other
 * record must have as many fields as the header.
 */
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
        List<String> header = null;
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        long line = 1;
        try (MappingIterator<List<String>> parser = Csv.records(reader)) {
            while (parser.hasNextValue()) {
                line = parser.getCurrentLocation().getLineNr();
                List<String> record = parser.nextValue();
                if (header == null) {
                    header = record.isEmpty() ? List.of("") : record;
                } else if (record.isEmpty() || record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // blank line
                } else if (record.size() != header.size()) {
                    throw new RiskModelException(source + " line " + line + ": expected " + header.size()
                            + " fields as in the header but found " + record.size());
                } else {
                    records.add(record.toArray(new String[0]));
                    lines.add(line);
                }
            }
        } catch (JacksonException e) {
            throw new RiskModelException(source + " line " + line + ": " + e.getOriginalMessage(), e);
        }
        if (header == null) {
            throw new RiskModelException(source + " is empty: a header line is required");
        }
        return new CsvTable(source, header, records, lines);
    }
}
