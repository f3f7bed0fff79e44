package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.cargo.CargoKind;

import org.opencustoms.scan.imaging.Box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class EmptyContainerTest {

    private static final SimulationOptions EMPTY = SimulationOptions.defaults().withScale(0.25).withEmptyRate(1)
            .withThreatRate(0).withModality(ModalityChoice.MIXED);

    @Test
    void emptyContainersShowOnlyTheirWalls() {
        ScanSimulator simulator = new ScanSimulator(EMPTY);
        for (int index = 0; index < 6; index++) {
            SimulatedScan scan = simulator.simulate(3, index);
            assertTrue(scan.empty());
            assertFalse(scan.threat());
            assertEquals(CargoKind.NONE, scan.cargo());
            assertTrue(simulator.plan(3, index).scene().cargo().isEmpty());
            double[] inside = interiorAttenuation(scan);
            double mean = Arrays.stream(inside).average().orElseThrow();
            Arrays.sort(inside);
            double high = inside[(int) (inside.length * 0.995)];
            assertTrue(mean < 0.35, scan.modality() + " interior mean attenuation " + mean);
            assertTrue(high < 0.6, scan.modality() + " interior 99.5th percentile " + high);
        }
    }

    @Test
    void emptyContainerWithASmallHiddenObjectIsNotEmpty() {
        ScanSimulator simulator = new ScanSimulator(EMPTY.withThreatRate(1));
        for (int index = 0; index < 6; index++) {
            SimulatedScan scan = simulator.simulate(3, index);
            assertEquals(CargoKind.NONE, scan.cargo());
            assertFalse(scan.empty());
            assertTrue(scan.threat());
            assertFalse(scan.boxes().isEmpty());
        }
    }

    /** Attenuation inside the container, away from the end frames, roof and floor. */
    private static double[] interiorAttenuation(SimulatedScan scan) {
        Box space = scan.cargoSpace();
        int marginX = space.w() / 20 + 2;
        int marginY = space.h() / 20 + 2;
        int width = space.w() - 2 * marginX;
        int height = space.h() - 2 * marginY;
        double[] values = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                values[y * width + x] = scan.image().attenuationAt(space.x() + marginX + x, space.y() + marginY + y,
                        scan.i0());
            }
        }
        return values;
    }
}
