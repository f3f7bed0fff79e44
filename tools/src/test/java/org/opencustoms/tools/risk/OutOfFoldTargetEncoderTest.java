package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.CategoryEncoding;

import org.opencustoms.riskmodel.ColumnMapping;
import org.opencustoms.riskmodel.EncodedCategory;
import org.opencustoms.riskmodel.FeatureSchema;
import org.opencustoms.riskmodel.Row;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutOfFoldTargetEncoderTest {

    private static final ColumnMapping MAPPING = ColumnMapping.parse(
            "id: id\nlabel: y\ncategorical: [importer]\n");

    @Test
    void aTrainingRowNeverSeesItsOwnLabel() {
        List<Row> rows = new ArrayList<>();
        int[] labels = new int[101];
        for (int i = 0; i < 100; i++) {
            rows.add(Row.of(Map.of("importer", "common")));
            labels[i] = i % 4 == 0 ? 1 : 0;
        }
        rows.add(Row.of(Map.of("importer", "only-once")));
        labels[100] = 1;

        FeatureSchema schema = new FeatureSchema(MAPPING);
        OutOfFoldTargetEncoder encoder = OutOfFoldTargetEncoder.fit(schema, rows, labels, 5, 10.0, 1L);
        double prior = 26.0 / 101;

        EncodedCategory single = encoder.forTrainingRow(100).encode(0, "only-once");
        assertEquals(prior, single.fraudRate(), 1e-12, "an id seen once must get the prior, not its own label");
        assertEquals(0.0, single.count(), 1e-12, "it looks like an unseen id");

        // when scoring later, the whole training window is used
        CategoryEncoding scoring = encoder.fitted().forSchema(schema);
        assertNotEquals(prior, scoring.encode(0, "only-once").fraudRate());
        assertEquals(prior, scoring.encode(0, "never-seen").fraudRate(), 1e-12);
        assertEquals(0.0, scoring.encode(0, "never-seen").count(), 1e-12);
    }

    @Test
    void frequentValuesApproachTheirOutOfFoldRate() {
        List<Row> rows = new ArrayList<>();
        int[] labels = new int[2000];
        for (int i = 0; i < 2000; i++) {
            boolean risky = i % 2 == 0;
            rows.add(Row.of(Map.of("importer", risky ? "risky" : "safe")));
            labels[i] = risky && i % 10 != 0 ? 1 : 0; // risky: 80 % positives, safe: 0 %
        }
        FeatureSchema schema = new FeatureSchema(MAPPING);
        OutOfFoldTargetEncoder encoder = OutOfFoldTargetEncoder.fit(schema, rows, labels, 5, 10.0, 1L);
        assertEquals(0.8, encoder.forTrainingRow(0).encode(0, "risky").fraudRate(), 0.02);
        assertEquals(0.0, encoder.forTrainingRow(1).encode(0, "safe").fraudRate(), 0.02);
        assertEquals(999.0, encoder.forTrainingRow(1).encode(0, "safe").count(), 1e-12);
    }
}
