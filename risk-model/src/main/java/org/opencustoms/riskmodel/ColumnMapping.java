package org.opencustoms.riskmodel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Names the columns of a labelled data set: which one identifies a record, which one is the label,
 * and which ones are features. All data-set specific knowledge lives in this mapping, not in code.
 */
public record ColumnMapping(
        String id,
        String label,
        String date,
        List<String> categorical,
        List<String> numeric,
        List<Exclusion> exclude,
        Derived derived) {

    /** A column deliberately left out of the features, with the reason (e.g. it leaks the label). */
    public record Exclusion(String column, String reason) {
    }

    /** Features computed from other columns. */
    public record Derived(List<Ratio> ratios, List<Prefix> prefixes) {
        public Derived {
            ratios = ratios == null ? List.of() : List.copyOf(ratios);
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
        }
    }

    /** numerator / denominator as a numeric feature; missing when the denominator is missing or zero. */
    public record Ratio(String name, String numerator, String denominator) {
    }

    /** The first {@code length} characters of a column as an extra categorical feature (e.g. a code's chapter). */
    public record Prefix(String name, String column, int length) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ColumnMapping {
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
        numeric = numeric == null ? List.of() : List.copyOf(numeric);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        derived = derived == null ? new Derived(null, null) : derived;
    }

    public static ColumnMapping load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RiskModelException("mapping file not found: " + file);
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new RiskModelException("cannot read mapping " + file + ": " + e.getMessage(), e);
        }
    }

    public static ColumnMapping parse(String yaml) {
        ColumnMapping mapping;
        try {
            mapping = YAML.readValue(yaml, ColumnMapping.class);
        } catch (IOException e) {
            throw new RiskModelException("invalid mapping: " + firstLine(e.getMessage()), e);
        }
        if (mapping == null) {
            throw new RiskModelException("invalid mapping: the file is empty");
        }
        mapping.validate();
        return mapping;
    }

    private void validate() {
        requireName("id", id);
        requireName("label", label);
        if (categorical.isEmpty() && numeric.isEmpty()) {
            throw new RiskModelException("invalid mapping: no categorical or numeric feature columns");
        }
        Set<String> features = new HashSet<>();
        for (String column : featureColumns()) {
            if (!features.add(column)) {
                throw new RiskModelException("invalid mapping: column '" + column + "' is listed more than once");
            }
        }
        if (features.contains(label)) {
            throw new RiskModelException("invalid mapping: the label column '" + label + "' cannot be a feature");
        }
        for (Exclusion exclusion : exclude) {
            requireName("exclude.column", exclusion.column());
            if (features.contains(exclusion.column())) {
                throw new RiskModelException(
                        "invalid mapping: column '" + exclusion.column() + "' is both excluded and a feature");
            }
        }
        Set<String> derivedNames = new HashSet<>(features);
        for (Ratio ratio : derived.ratios()) {
            requireName("ratio name", ratio.name());
            requireName("ratio numerator", ratio.numerator());
            requireName("ratio denominator", ratio.denominator());
            requireUniqueName(derivedNames, ratio.name());
        }
        for (Prefix prefix : derived.prefixes()) {
            requireName("prefix name", prefix.name());
            requireName("prefix column", prefix.column());
            if (prefix.length() <= 0) {
                throw new RiskModelException("invalid mapping: prefix '" + prefix.name() + "' needs a length above 0");
            }
            requireUniqueName(derivedNames, prefix.name());
        }
    }

    private static void requireUniqueName(Set<String> names, String name) {
        if (!names.add(name)) {
            throw new RiskModelException("invalid mapping: feature name '" + name + "' is used more than once");
        }
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new RiskModelException("invalid mapping: '" + field + "' is required");
        }
    }

    private static String firstLine(String message) {
        String text = Objects.toString(message, "");
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Columns used directly as features, categorical first. */
    public List<String> featureColumns() {
        List<String> columns = new ArrayList<>(categorical);
        columns.addAll(numeric);
        return columns;
    }

    /** Every column a record must have to be scored. */
    public Set<String> columnsNeededForScoring() {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(id);
        columns.addAll(featureColumns());
        for (Ratio ratio : derived.ratios()) {
            columns.add(ratio.numerator());
            columns.add(ratio.denominator());
        }
        for (Prefix prefix : derived.prefixes()) {
            columns.add(prefix.column());
        }
        return columns;
    }

    /** Every column a record must have to be used for training or evaluation. */
    public Set<String> columnsNeededForTraining() {
        Set<String> columns = columnsNeededForScoring();
        columns.add(label);
        if (date != null && !date.isBlank()) {
            columns.add(date);
        }
        return columns;
    }
}
