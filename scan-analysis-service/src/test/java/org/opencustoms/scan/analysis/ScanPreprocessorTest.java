package org.opencustoms.scan.analysis;

import org.junit.jupiter.api.Test;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencustoms.scan.sim.SimulationOptions;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanPreprocessorTest {

    @Test
    void airCalibrationGivesMinusTheLogOfTheTransmission() {
        char[] counts = {60_000, (char) Math.round(60_000 * Math.exp(-2)), 0, 65_535};
        try (MatScope scope = new MatScope()) {
            Mat attenuation = ScanPreprocessor.attenuation(ScanPreprocessor.counts(new Image16(4, 1, counts), scope), 60_000, scope);
            float[] values = new float[4];
            attenuation.get(0, 0, values);
            assertEquals(0.0, values[0], 1e-6);
            assertEquals(2.0, values[1], 1e-4);
            assertEquals(-Math.log(0.5 / 60_000), values[2], 1e-3, "a zero count reads as half a count");
            assertEquals(0.0, values[3], 1e-6, "counts above I0 are air, not negative attenuation");
        }
        assertThrows(IllegalArgumentException.class, () -> {
            try (MatScope scope = new MatScope()) {
                ScanPreprocessor.attenuation(ScanPreprocessor.counts(new Image16(1, 1, new char[] {5}), scope), 0, scope);
            }
        });
    }

    /** Counts 1,000 and 1,256 share their low byte, 40,000 and 40,100 their high byte: 8-bit truncation would merge each pair. */
    @Test
    void sixteenBitCountsSurviveThePipelineWithoutTruncation() {
        char[] counts = {1_000, 1_256, 40_000, 40_100};
        try (MatScope scope = new MatScope()) {
            Mat attenuation = ScanPreprocessor.attenuation(ScanPreprocessor.counts(new Image16(4, 1, counts), scope), 60_000, scope);
            float[] values = new float[4];
            attenuation.get(0, 0, values);
            for (int i = 0; i < counts.length; i++) {
                assertEquals(-Math.log(counts[i] / 60_000.0), values[i], 1e-5, "count " + (int) counts[i]);
            }
            assertTrue(values[0] - values[1] > 0.2, "1,000 and 1,256 stay apart");
            assertTrue(values[2] - values[3] > 0.002, "40,000 and 40,100 stay apart");
        }
    }

    @Test
    void theContainerRegionIsFoundAndTheScanNormalizedToTheCommonHeight() {
        for (ModalityChoice modality : List.of(ModalityChoice.XRAY, ModalityChoice.GAMMA)) {
            SimulatedScan scan = new ScanSimulator(SimulationOptions.defaults().withModality(modality).withScale(0.4).withEmptyRate(0))
                    .simulate(5, 1);
            try (MatScope scope = new MatScope()) {
                NormalizedScan normalized = ScanPreprocessor.normalize(scan.image(), scan.modality(), scan.i0(), scope);
                assertEquals(ScanPreprocessor.NORMALIZED_HEIGHT, normalized.height());
                assertEquals(scan.width(), normalized.width() * normalized.scaleX(), 1.0);
                Rect found = normalized.container();
                double cargoLeft = scan.cargoSpace().x() / normalized.scaleX();
                double cargoRight = (scan.cargoSpace().x() + scan.cargoSpace().w()) / normalized.scaleX();
                assertTrue(found.x <= cargoLeft + 2 && found.x + found.width >= cargoRight - 2,
                        modality + ": container " + found + " misses the cargo space " + cargoLeft + "-" + cargoRight);
                assertTrue(found.width < normalized.width() * 0.98, modality + ": the air beside the container is not part of it");
            }
        }
    }

    @Test
    void theDetectorSeesTheWholeScanPaddedWithAirToItsStride() {
        int width = 9;
        int height = 8;
        float[] attenuation = new float[width * height];
        float[] detail = new float[width * height];
        for (int i = 0; i < attenuation.length; i++) {
            attenuation[i] = 20f * i / attenuation.length; // up to 20, clipped to 3 once scaled by a quarter
            detail[i] = i % 2 == 0 ? -5f : 0.25f;
        }
        ModelInputs.Planes planes = new ModelInputs.Planes(width, height, attenuation, detail);
        assertEquals(12, ModelInputs.paddedWidth(width));
        assertEquals(8, ModelInputs.paddedWidth(8));
        float[] input = planes.whole();
        assertEquals(ScanNetworks.INPUT_CHANNELS * height * 12, input.length);
        int plane = height * 12;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < 12; x++) {
                float a = input[y * 12 + x];
                float d = input[plane + y * 12 + x];
                if (x >= width) {
                    assertEquals(0f, a, "padding is air");
                    assertEquals(0f, d, "padding has no detail");
                } else {
                    int source = y * width + x;
                    assertEquals(Math.min(3f, attenuation[source] / 4f), a, 1e-6);
                    assertEquals(source % 2 == 0 ? -3f : 0.5f, d, 1e-6);
                }
            }
        }
        float[] mirrored = new float[ScanNetworks.INPUT_CHANNELS * 4 * 4];
        planes.write(new Rect(0, 0, 4, 4), true, mirrored, 0);
        assertEquals(input[3], mirrored[0], 1e-6);
        assertEquals(input[0], mirrored[3], 1e-6);
    }

    @Test
    void theDisplayRenditionIsEightBitWithAirLight() {
        char[] counts = new char[64 * 64];
        Arrays.fill(counts, (char) 60_000);
        for (int i = 0; i < counts.length / 2; i++) {
            counts[i] = 600;
        }
        try (MatScope scope = new MatScope()) {
            Mat attenuation = ScanPreprocessor.attenuation(ScanPreprocessor.counts(new Image16(64, 64, counts), scope), 60_000, scope);
            Mat display = ScanPreprocessor.displayRendition(attenuation, scope);
            assertEquals(CvType.CV_8UC1, display.type());
            byte[] pixels = new byte[64 * 64];
            display.get(0, 0, pixels);
            assertTrue(Byte.toUnsignedInt(pixels[pixels.length - 1]) > Byte.toUnsignedInt(pixels[0]), "air must be lighter than steel");
        }
    }

    @Test
    void closingTheScopeReleasesItsMats() {
        Mat mat;
        try (MatScope scope = new MatScope()) {
            mat = scope.track(Mat.ones(100, 100, CvType.CV_32F));
            assertEquals(10_000, mat.total());
        }
        assertTrue(mat.empty());
    }
}
