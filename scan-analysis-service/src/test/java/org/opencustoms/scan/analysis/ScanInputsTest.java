package org.opencustoms.scan.analysis;

import org.junit.jupiter.api.Test;
import org.opencustoms.scan.imaging.Image16;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanInputsTest {

    @Test
    void scansTheModelsCannotReadAreRefusedSayingWhy() {
        assertRefused(new Image16(2000, 40, new char[2000 * 40]), 60_000, "the scan has 40 rows; at least 64 detector rows are needed");
        assertRefused(new Image16(90, 400, new char[90 * 400]), 60_000, "at least 100 columns are needed for 400 rows");
        assertRefused(new Image16(500, 200, new char[500 * 200]), 0, "I0 must be between 2 and 65535, got 0.0");
        assertRefused(new Image16(500, 200, new char[500 * 200]), Double.NaN, "got NaN");
        assertDoesNotThrow(() -> ScanInputs.check(new Image16(100, 400, new char[100 * 400]), 60_000));
        assertDoesNotThrow(() -> ScanInputs.check(new Image16(800, 64, new char[800 * 64]), 2));
    }

    @Test
    void aPixelArrayOfTheWrongSizeIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new Image16(100, 100, new char[99 * 100]));
        assertTrue(refused.getMessage().contains("need 100 x 100 pixels, got 9900"), refused.getMessage());
    }

    private static void assertRefused(Image16 image, double i0, String reason) {
        ScanInputException refused = assertThrows(ScanInputException.class, () -> ScanInputs.check(image, i0));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
