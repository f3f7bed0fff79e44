package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.geometry.ContainerSize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Prints how long full-size scans take; a benchmark, so nothing is asserted about time. */
class FullSizeTimingTest {

    @Test
    void printsFullSizeTimings() {
        new ScanSimulator(SimulationOptions.defaults().withScale(0.2)).simulate(1, 0);
        for (ModalityChoice modality : new ModalityChoice[] {ModalityChoice.XRAY, ModalityChoice.GAMMA}) {
            ScanSimulator simulator = new ScanSimulator(SimulationOptions.defaults().withModality(modality)
                    .withThreatRate(1).withEmptyRate(0));
            int index = fortyFootScan(simulator);
            long start = System.nanoTime();
            SimulatedScan scan = simulator.simulate(1, index);
            double millis = (System.nanoTime() - start) / 1e6;
            assertEquals(ContainerSize.FORTY_FOOT, scan.container());
            System.out.printf(Locale.ROOT, "full-size %s %s, %s cargo: %d x %d in %.0f ms%n", modality, scan.source(),
                    scan.cargo(), scan.width(), scan.height(), millis);
        }
    }

    private static int fortyFootScan(ScanSimulator simulator) {
        for (int index = 0; ; index++) {
            if (simulator.plan(1, index).setup().container().size() == ContainerSize.FORTY_FOOT) {
                return index;
            }
        }
    }
}
