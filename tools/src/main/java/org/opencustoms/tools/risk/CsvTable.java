package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.RiskModelException;
import org.opencustoms.riskmodel.Row;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parsed CSV file: a header and records whose cells are addressed by header name. */
public final class CsvTable {

    private final String source;
    private final List<String> header;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final List<String[]> records;
    private final List<Long> lineNumbers;

    CsvTable(String source, List<String> header, List<String[]> records, List<Long> lineNumbers) {
        this.source = source;
        this.header = List.copyOf(header);
        this.records = records;
        this.lineNumbers = lineNumbers;
        for (int i = 0; i < header.size(); i++) {
            columnIndex.putIfAbsent(header.get(i), i);
        }
    }

    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    public int size() {
        return records.size();
    }

    public boolean hasColumn(String column) {
        return columnIndex.containsKey(column);
    }

    public void requireColumns(Collection<String> columns) {
        for (String column : columns) {
            if (!hasColumn(column)) {
                throw new RiskModelException(
                        "column '" + column + "' named in the mapping is missing from the header of " + source);
            }
        }
    }

    public Row row(int index) {
        String[] cells = records.get(index);
        long line = lineNumbers.get(index);
        return new Row() {
            @Override
            public String value(String column) {
                Integer position = columnIndex.get(column);
                return position == null ? null : cells[position];
            }

            @Override
            public String location() {
                return source + " line " + line;
            }
        };
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rows.add(row(i));
        }
        return rows;
    }
}
