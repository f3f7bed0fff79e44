package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.RiskModelException;
import org.opencustoms.riskmodel.Row;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static CsvTable parse(String text) throws IOException {
        return CsvReader.read(new StringReader(text), "test.csv");
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndNewlines() throws IOException {
        CsvTable table = parse("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n");
        assertEquals(2, table.size());
        Row first = table.row(0);
        assertEquals("x,1", first.value("a"));
        assertEquals("say \"hi\"", first.value("b"));
        assertEquals("two\nlines", first.value("c"));
        assertEquals("", table.row(1).value("a"));
        assertEquals("test.csv line 4", table.row(1).location());
    }

    @Test
    void stripsByteOrderMarkAndIgnoresTrailingBlankLine() throws IOException {
        CsvTable table = parse("\uFEFFid,x\n1,2\n\n");
        assertTrue(table.hasColumn("id"));
        assertEquals(1, table.size());
    }

    @Test
    void rejectsRowsWithTheWrongNumberOfFields() {
        RiskModelException error = assertThrows(RiskModelException.class, () -> parse("a,b\n1,2,3\n"));
        assertEquals("test.csv line 2: expected 2 fields as in the header but found 3", error.getMessage());
    }

    @Test
    void rejectsUnterminatedQuotes() {
        assertThrows(RiskModelException.class, () -> parse("a\n\"open\n"));
    }
}
