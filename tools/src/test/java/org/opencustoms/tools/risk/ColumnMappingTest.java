package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.ColumnMapping;
import org.opencustoms.riskmodel.RiskModelException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void theShippedCustomsMappingExcludesTheLeakingColumn() throws Exception {
        Path file = Path.of("mappings/customs-declarations.yaml");
        ColumnMapping mapping = ColumnMapping.load(file);
        assertEquals("Fraud", mapping.label());
        assertEquals("Declaration ID", mapping.id());
        assertTrue(mapping.exclude().stream().anyMatch(e -> e.column().equals("Critical Fraud")));
        assertTrue(mapping.featureColumns().stream().noneMatch(c -> c.equals("Critical Fraud")));
    }

    @Test
    void rejectsTheLabelAsAFeature() {
        RiskModelException error = assertThrows(RiskModelException.class,
                () -> ColumnMapping.parse("id: id\nlabel: y\nnumeric: [y, x]\n"));
        assertTrue(error.getMessage().contains("label column 'y' cannot be a feature"), error.getMessage());
    }

    @Test
    void rejectsUnknownKeys() {
        RiskModelException error = assertThrows(RiskModelException.class,
                () -> ColumnMapping.parse("id: id\nlabel: y\nnumeric: [x]\ncategoricals: [z]\n"));
        assertTrue(error.getMessage().startsWith("invalid mapping"), error.getMessage());
    }

    @Test
    void requiresAnId() {
        assertThrows(RiskModelException.class, () -> ColumnMapping.parse("label: y\nnumeric: [x]\n"));
    }
}
