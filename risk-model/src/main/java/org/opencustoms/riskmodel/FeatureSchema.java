package org.opencustoms.riskmodel;

import java.util.ArrayList;
import java.util.List;

/**
 * The model's input columns, derived from a mapping. Layout of a feature vector:
 * numeric columns, then ratios, then two values per categorical feature (smoothed fraud rate, training count).
 */
public final class FeatureSchema {

    static final String RATE_SUFFIX = "#fraud_rate";
    static final String COUNT_SUFFIX = "#count";

    private final List<String> numeric;
    private final List<ColumnMapping.Ratio> ratios;
    private final List<CategoricalFeature> categorical;
    private final List<String> featureNames;

    public FeatureSchema(ColumnMapping mapping) {
        this.numeric = mapping.numeric();
        this.ratios = mapping.derived().ratios();
        List<CategoricalFeature> categories = new ArrayList<>();
        for (String column : mapping.categorical()) {
            categories.add(new CategoricalFeature(column, column, 0));
        }
        for (ColumnMapping.Prefix prefix : mapping.derived().prefixes()) {
            categories.add(new CategoricalFeature(prefix.name(), prefix.column(), prefix.length()));
        }
        this.categorical = List.copyOf(categories);

        List<String> names = new ArrayList<>(numeric);
        ratios.forEach(ratio -> names.add(ratio.name()));
        for (CategoricalFeature feature : categorical) {
            names.add(feature.name() + RATE_SUFFIX);
            names.add(feature.name() + COUNT_SUFFIX);
        }
        this.featureNames = List.copyOf(names);
    }

    public List<String> numeric() {
        return numeric;
    }

    public List<ColumnMapping.Ratio> ratios() {
        return ratios;
    }

    public List<CategoricalFeature> categorical() {
        return categorical;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int width() {
        return featureNames.size();
    }

    int firstCategoricalSlot() {
        return numeric.size() + ratios.size();
    }
}
