package org.opencustoms.tools.scan;

import org.junit.jupiter.api.Test;
import org.opencustoms.scan.analysis.ScanNetworks;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencustoms.scan.sim.SimulationOptions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detector's training targets must mark the cells where the threat is, and the clean twin's window must be the
 * same place without it: a target shifted by a cell, or a twin of another scan, teaches the detector the wrong thing.
 */
class DetectorSamplesTest {

    private static final int CELLS = DetectorSamples.CELLS;
    private static final int SIDE = DetectorSamples.WINDOW;

    @Test
    void threatWindowsAreMarkedWhereTheThreatChangesTheScanAndTheirTwinsAreClean() {
        ScanSimulator simulator = new ScanSimulator(SimulationOptions.defaults().withScale(0.3).withThreatRate(1).withEmptyRate(0));
        int pairs = 0;
        int markedCells = 0;
        int markedAndChanged = 0;
        int changedCells = 0;
        int changedNearMarked = 0;
        for (int index = 0; index < 4; index++) {
            SimulatedScan scan = simulator.simulate(31, index);
            List<DetectorSamples.Window> windows = DetectorSamples.of(simulator, 31, index, 5).windows();
            int threatWindows = windows.size() - 3;
            assertTrue(threatWindows % 2 == 0 && threatWindows <= 4 * scan.threats().size(), "pairs for the threats, then three at random");
            for (int w = 0; w < threatWindows; w += 2) {
                DetectorSamples.Window threat = windows.get(w);
                DetectorSamples.Window twin = windows.get(w + 1);
                pairs++;
                for (byte value : twin.target()) {
                    assertEquals(0, value, "the twin shows no threat");
                }
                double[] change = attenuationChange(threat, twin);
                for (int cell = 0; cell < CELLS * CELLS; cell++) {
                    double share = threat.target()[cell] / DetectorSamples.Window.TARGET_STEPS;
                    double classes = 0;
                    for (int k = 1; k < ScanNetworks.OUTPUT_CHANNELS; k++) {
                        classes += threat.target()[k * CELLS * CELLS + cell] / DetectorSamples.Window.TARGET_STEPS;
                    }
                    assertTrue(classes >= share - 1e-6, "every threat cell has a class");
                    if (share >= 0.5) {
                        markedCells++;
                        markedAndChanged += change[cell] >= 0.005 ? 1 : 0;
                    }
                    if (change[cell] >= 0.05) {
                        changedCells++;
                        changedNearMarked += markedWithin(threat, cell, 1) ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(pairs >= 4, pairs + " threat windows");
        assertTrue(markedCells > 0 && changedCells > 0);
        assertTrue(markedAndChanged >= 0.9 * markedCells, markedAndChanged + " of " + markedCells + " threat cells show the threat");
        assertTrue(changedNearMarked >= 0.9 * changedCells, changedNearMarked + " of " + changedCells + " changed cells are marked");
    }

    /** Per cell, the mean absolute difference of the attenuation channel between a window and its twin. */
    private static double[] attenuationChange(DetectorSamples.Window a, DetectorSamples.Window b) {
        int stride = ScanNetworks.OUTPUT_STRIDE;
        double[] change = new double[CELLS * CELLS];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = y * SIDE + x;
                change[(y / stride) * CELLS + x / stride] += Math.abs(a.input()[i] - b.input()[i]) / DetectorSamples.Window.INPUT_STEPS
                        / (stride * stride);
            }
        }
        return change;
    }

    private static boolean markedWithin(DetectorSamples.Window window, int cell, int distance) {
        int row = cell / CELLS;
        int col = cell % CELLS;
        for (int r = Math.max(0, row - distance); r <= Math.min(CELLS - 1, row + distance); r++) {
            for (int c = Math.max(0, col - distance); c <= Math.min(CELLS - 1, col + distance); c++) {
                if (window.target()[r * CELLS + c] > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
