package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.CellParser;
import org.opencustoms.riskmodel.ColumnMapping;
import org.opencustoms.riskmodel.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Records from one or more CSV files with their ids and, when present, their labels. */
public final class LabeledDataset {

    private final List<Row> rows;
    private final List<String> ids;
    private final int[] labels;

    private LabeledDataset(List<Row> rows, List<String> ids, int[] labels) {
        this.rows = rows;
        this.ids = ids;
        this.labels = labels;
    }

    /** Reads files that must contain every training column, including the label. */
    public static LabeledDataset readLabeled(List<Path> files, ColumnMapping mapping) {
        return read(files, mapping, true);
    }

    /** Reads files for scoring: the label column may be absent. */
    public static LabeledDataset readUnlabeled(List<Path> files, ColumnMapping mapping) {
        return read(files, mapping, false);
    }

    private static LabeledDataset read(List<Path> files, ColumnMapping mapping, boolean labelRequired) {
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            CsvTable table = CsvReader.read(file);
            table.requireColumns(labelRequired ? mapping.columnsNeededForTraining() : mapping.columnsNeededForScoring());
            rows.addAll(table.rows());
        }
        List<String> ids = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.value(mapping.id()));
        }
        int[] labels = null;
        if (labelRequired) {
            labels = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                labels[i] = CellParser.label(rows.get(i), mapping.label());
            }
        }
        return new LabeledDataset(rows, ids, labels);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> ids() {
        return ids;
    }

    public int size() {
        return rows.size();
    }

    /** Labels 0/1; only for data sets read with {@link #readLabeled}. */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException("data set was read without labels");
        }
        return labels;
    }

    public double positiveRate() {
        int positives = 0;
        for (int label : labels()) {
            positives += label;
        }
        return size() == 0 ? 0 : (double) positives / size();
    }
}
