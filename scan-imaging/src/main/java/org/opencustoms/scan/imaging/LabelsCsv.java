package org.opencustoms.scan.imaging;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labels.csv of an evaluation set: {@code file,modality,i0,empty,threat,boxes,file_low},
 * boxes as {@code x y w h} groups separated by {@code ;}. Reading accepts the columns in any
 * order, extra columns, a missing file_low column, 0/1 or true/false flags, quoted fields, LF, CRLF
 * or CR line ends, a leading byte-order mark, blanks around fields and blank lines. Writing quotes a
 * field only when it holds a comma, a quote or a line break, and ends lines with LF.
 */
public final class LabelsCsv {

    private static final List<String> COLUMNS = List.of("file", "modality", "i0", "empty", "threat", "boxes", "file_low");
    public static final String HEADER = String.join(",", COLUMNS);
    private static final List<String> REQUIRED = COLUMNS.subList(0, 6);

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.TRIM_SPACES)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema WRITTEN = CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
            .setUseHeader(true).setLineSeparator("\n").build();

    /** A record and the line it starts on, for error messages. */
    private record Record(int line, List<String> fields) {
    }

    private LabelsCsv() {
    }

    /** Writes the header and one row per label. */
    public static void write(Writer out, Collection<ScanLabel> labels) throws IOException {
        List<List<String>> rows = labels.stream().map(label -> List.of(label.file(), label.modality().label(),
                number(label.i0()), flag(label.empty()), flag(label.threat()), boxes(label.boxes()),
                label.isDualEnergy() ? label.fileLow() : "")).toList();
        CSV.writer(WRITTEN).writeValue(out, rows);
    }

    public static String boxes(List<Box> boxes) {
        StringBuilder text = new StringBuilder();
        for (Box box : boxes) {
            if (text.length() > 0) {
                text.append(';');
            }
            text.append(box.x()).append(' ').append(box.y()).append(' ').append(box.w()).append(' ').append(box.h());
        }
        return text.toString();
    }

    public static List<ScanLabel> parse(Reader reader) throws IOException {
        List<Record> records = records(reader);
        if (records.isEmpty()) {
            throw new IOException("labels.csv is empty: expected the header " + HEADER);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String name : REQUIRED) {
            if (!columns.containsKey(name)) {
                throw new IOException("labels.csv has no '" + name + "' column (header: " + String.join(",", header) + ")");
            }
        }
        List<ScanLabel> labels = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r).fields();
            int line = records.get(r).line();
            try {
                labels.add(new ScanLabel(value(record, columns, "file"),
                        Modality.parse(value(record, columns, "modality")),
                        Double.parseDouble(value(record, columns, "i0")),
                        parseFlag(value(record, columns, "empty")),
                        parseFlag(value(record, columns, "threat")),
                        parseBoxes(value(record, columns, "boxes")),
                        value(record, columns, "file_low")));
            } catch (IllegalArgumentException e) {
                throw new IOException("labels.csv line " + line + ": " + e.getMessage(), e);
            }
        }
        return labels;
    }

    /** The records that are not blank, header included. */
    private static List<Record> records(Reader reader) throws IOException {
        PushbackReader text = new PushbackReader(reader);
        int first = text.read();
        if (first >= 0 && first != '\uFEFF') {
            text.unread(first);
        }
        List<Record> records = new ArrayList<>();
        int line = 1;
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(text)) {
            while (rows.hasNextValue()) {
                line = rows.getCurrentLocation().getLineNr();
                List<String> fields = rows.nextValue();
                if (!fields.stream().allMatch(String::isEmpty)) {
                    records.add(new Record(line, fields));
                }
            }
        } catch (JacksonException e) {
            throw new IOException("labels.csv line " + line + ": " + e.getOriginalMessage(), e);
        }
        return records;
    }

    public static List<Box> parseBoxes(String text) {
        List<Box> boxes = new ArrayList<>();
        for (String group : text.split(";")) {
            if (group.isBlank()) {
                continue;
            }
            String[] numbers = group.trim().split("[\\s,]+");
            if (numbers.length != 4) {
                throw new IllegalArgumentException("a box needs 'x y w h', got '" + group.trim() + "'");
            }
            boxes.add(new Box(pixel(numbers[0]), pixel(numbers[1]), pixel(numbers[2]), pixel(numbers[3])));
        }
        return boxes;
    }

    private static int pixel(String number) {
        double value = Double.parseDouble(number);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a pixel coordinate: " + number);
        }
        return (int) Math.round(value);
    }

    public static boolean parseFlag(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new IllegalArgumentException("expected 0 or 1, got '" + text + "'");
        };
    }

    private static String value(List<String> record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= record.size() ? "" : record.get(index).trim();
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
