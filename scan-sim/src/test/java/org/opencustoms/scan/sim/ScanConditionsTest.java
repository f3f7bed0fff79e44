package org.opencustoms.scan.sim;

import org.junit.jupiter.api.Test;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;
import org.opencustoms.scan.sim.cargo.CargoKind;
import org.opencustoms.scan.sim.geometry.PixelGrid;
import org.opencustoms.scan.sim.physics.Detector;
import org.opencustoms.scan.sim.physics.ScannerModel;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanConditionsTest {

    private static final SimulationOptions MIXED = SimulationOptions.defaults().withModality(ModalityChoice.MIXED).withEmptyRate(0)
            .withScale(0.1);

    @Test
    void nominalConditionsDrawNothingSoEarlierSetsAreUnchanged() {
        for (int index = 0; index < 40; index++) {
            ScanSetup setup = ScanSetup.draw(MIXED, new SplittableRandom(index));
            assertEquals(setup.modality() == Modality.XRAY ? SimulationOptions.DEFAULT_XRAY_I0 : SimulationOptions.DEFAULT_GAMMA_I0,
                    setup.i0());
            assertEquals(0, setup.scanner().scatterFraction());
        }
        SimulatedScan scan = new ScanSimulator(MIXED).simulate(11, 3);
        SimulatedScan again = new ScanSimulator(MIXED.withConditions(ScanConditions.NOMINAL)).simulate(11, 3);
        assertArrayEquals(scan.image().pixels(), again.image().pixels());
    }

    @Test
    void shiftedScansLieOutsideEveryTrainingRangeAndTrainingNeverLoadsDrums() {
        int drums = 0;
        for (int index = 0; index < 400; index++) {
            ScanSetup training = ScanSetup.draw(MIXED.withConditions(ScanConditions.TRAINING), new SplittableRandom(index));
            ScanSetup shifted = ScanSetup.draw(MIXED.withConditions(ScanConditions.SHIFTED), new SplittableRandom(index));
            assertTrue(training.cargo() != CargoKind.DRUMS, "training loaded drums");
            drums += shifted.cargo() == CargoKind.DRUMS ? 1 : 0;
            if (training.modality() == Modality.XRAY) {
                assertTrue(training.i0() >= 20_000 && training.i0() <= 65_000, "training X-ray I0 " + training.i0());
                assertTrue(training.scanner().scatterFraction() <= 0.02);
            }
            if (shifted.modality() == Modality.XRAY) {
                assertTrue(shifted.i0() < 20_000, "shifted X-ray I0 " + shifted.i0());
                assertTrue(shifted.scanner().electronicNoise() > 20 && shifted.scanner().columnPitchCm() > 0.35
                        && shifted.scanner().blurSigmaCm() > 0.45 && shifted.scanner().scatterFraction() > 0.02, shifted.scanner().toString());
            } else {
                assertTrue(shifted.i0() < 2_000, "shifted gamma I0 " + shifted.i0());
                assertTrue(shifted.scanner().columnPitchCm() > 1.1 && shifted.scanner().blurSigmaCm() > 1.2, shifted.scanner().toString());
            }
        }
        assertTrue(drums > 120, "the shifted set loads drums in half of its loaded containers, got " + drums + " of 400");
    }

    @Test
    void scatterFillsInDenseObjects() {
        PixelGrid grid = new PixelGrid(20, 10, 1, 1);
        float[] opaque = new float[200];
        for (int i = 100; i < 200; i++) {
            opaque[i] = 6; // the lower half: transmission 0.25 %
        }
        double without = meanOfLowerHalf(Detector.expose(opaque.clone(), grid, scanner(0), 60_000, new SplittableRandom(1)));
        double with = meanOfLowerHalf(Detector.expose(opaque.clone(), grid, scanner(0.04), 60_000, new SplittableRandom(1)));
        // 4 % of the column's mean intensity (about half of I0) is added: 150 counts become about 1,350
        assertEquals(150, without, 15);
        assertEquals(150 + 0.04 * 60_000 * (0.5 + 0.5 * Math.exp(-6)), with, 40);
    }

    private static ScannerModel scanner(double scatter) {
        return new ScannerModel(10, 10, 1, 0.01, 0, 0, 0, false, scatter);
    }

    private static double meanOfLowerHalf(Image16 image) {
        double sum = 0;
        for (int i = 100; i < 200; i++) {
            sum += image.pixels()[i];
        }
        return sum / 100;
    }
}
