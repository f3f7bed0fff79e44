package org.opencustoms.scan.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayRenditionTest {

    @ParameterizedTest
    @CsvSource({"2000, 5000, 1024", "100, 4000000, 4096", "16, 16777216, 16", "65535, 4096, 4096", "500, 400, 4096"})
    void noRenditionExceedsItsPixelBudgetOrTheWidthAskedFor(int width, int height, int targetWidth) {
        int factor = DisplayRendition.factor(width, height, targetWidth);
        long outWidth = (width + factor - 1) / factor;
        long outHeight = (height + factor - 1) / factor;
        assertTrue(outWidth <= Math.max(1, targetWidth), "width " + outWidth);
        assertTrue(outWidth * outHeight <= DisplayRendition.MAX_PIXELS + outWidth + outHeight, outWidth + " x " + outHeight);
    }

    @ParameterizedTest
    @CsvSource({"2000, 5000, 1024, 2", "500, 400, 4096, 1"})
    void ordinaryScansAreOnlyScaledToTheWidthAskedFor(int width, int height, int targetWidth, int expected) {
        assertEquals(expected, DisplayRendition.factor(width, height, targetWidth));
    }
}
