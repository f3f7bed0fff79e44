package org.opencustoms.tools;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tools' CSV files, through Jackson: RFC 4180, UTF-8, LF line ends on writing, a field quoted
 * only when it holds a comma, a quote or a line break.
 */
public final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private Csv() {
    }

    /**
     * The records of a CSV text, the header being the first, each as its fields (none for a blank
     * line); a leading byte-order mark is skipped.
     */
    public static MappingIterator<List<String>> records(Reader reader) throws IOException {
        PushbackReader text = new PushbackReader(reader);
        int first = text.read();
        if (first >= 0 && first != '\uFEFF') {
            text.unread(first);
        }
        return MAPPER.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(text);
    }

    /** Writes the header and the rows to a file, creating its directory. */
    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        CsvSchema schema = CsvSchema.builder().addColumns(header, CsvSchema.ColumnType.STRING)
                .setUseHeader(true).setLineSeparator("\n").build();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            MAPPER.writer(schema).writeValue(out, rows);
        }
    }
}
