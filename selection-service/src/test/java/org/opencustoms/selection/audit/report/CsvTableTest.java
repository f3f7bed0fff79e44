package org.opencustoms.selection.audit.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", " =1+1", "\u00a0=cmd", "  @x", "\tcmd", "\r=1"})
    void cellsASpreadsheetWouldRunAreGuarded(String text) {
        assertTrue(CsvTable.startsLikeAFormula(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"USLAX", " USLAX", "a=b", "", "Pacific Home Goods Inc."})
    void plainTextIsLeftAlone(String text) {
        assertFalse(CsvTable.startsLikeAFormula(text), text);
    }
}
