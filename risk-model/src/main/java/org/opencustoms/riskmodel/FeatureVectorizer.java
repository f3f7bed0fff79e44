package org.opencustoms.riskmodel;

import java.util.List;

/** Writes a record's features into a float array in the layout given by {@link FeatureSchema}. */
public final class FeatureVectorizer {

    private final FeatureSchema schema;

    public FeatureVectorizer(FeatureSchema schema) {
        this.schema = schema;
    }

    public void fill(Row row, CategoryEncoding encoding, float[] destination, int offset) {
        int slot = offset;
        for (String column : schema.numeric()) {
            destination[slot++] = (float) CellParser.number(row, column);
        }
        for (ColumnMapping.Ratio ratio : schema.ratios()) {
            double numerator = CellParser.number(row, ratio.numerator());
            double denominator = CellParser.number(row, ratio.denominator());
            destination[slot++] = denominator == 0 || Double.isNaN(denominator)
                    ? Float.NaN
                    : (float) (numerator / denominator);
        }
        List<CategoricalFeature> categorical = schema.categorical();
        for (int i = 0; i < categorical.size(); i++) {
            EncodedCategory encoded = encoding.encode(i, categorical.get(i).valueOf(row));
            destination[slot++] = (float) encoded.fraudRate();
            destination[slot++] = (float) encoded.count();
        }
    }

    float[] matrix(List<Row> rows, CategoryEncoding encoding) {
        int width = schema.width();
        float[] matrix = new float[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            fill(rows.get(r), encoding, matrix, r * width);
        }
        return matrix;
    }
}
