package org.opencustoms.scan.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final SimulationOptions SMALL = SimulationOptions.defaults().withScale(0.1).withThreatRate(0.5);

    @Test
    void sameSeedAndIndexGiveIdenticalPixels() {
        for (ModalityChoice modality : ModalityChoice.values()) {
            SimulationOptions options = SMALL.withModality(modality).withDualEnergy(true);
            SimulatedScan first = new ScanSimulator(options).simulate(42, 3);
            SimulatedScan second = new ScanSimulator(options).simulate(42, 3);
            assertEquals(first.image(), second.image(), modality.name());
            assertEquals(first.lowEnergy(), second.lowEnergy(), modality.name());
            assertEquals(first.threats(), second.threats());
            assertEquals(first.source(), second.source());
        }
    }

    @Test
    void differentSeedOrIndexGivesDifferentPixels() {
        ScanSimulator simulator = new ScanSimulator(SMALL);
        SimulatedScan scan = simulator.simulate(42, 3);
        assertNotEquals(scan.image(), simulator.simulate(43, 3).image());
        assertNotEquals(scan.image(), simulator.simulate(42, 4).image());
    }

    @Test
    void scansDoNotDependOnOrderOrThread() throws Exception {
        ScanSimulator simulator = new ScanSimulator(SMALL.withModality(ModalityChoice.MIXED));
        SimulatedScan alone = simulator.simulate(7, 5);
        for (int i = 0; i < 5; i++) {
            simulator.simulate(7, i);
        }
        CompletableFuture<SimulatedScan> elsewhere = CompletableFuture.supplyAsync(() -> simulator.simulate(7, 5));
        assertEquals(alone.image(), simulator.simulate(7, 5).image());
        assertEquals(alone.image(), elsewhere.get().image());
    }

    @Test
    void scaleShrinksTheImageButKeepsTheScene() {
        ScanSimulator full = new ScanSimulator(SimulationOptions.defaults());
        ScanSimulator tenth = new ScanSimulator(SimulationOptions.defaults().withScale(0.1));
        ScanSimulator.Plan big = full.plan(9, 0);
        ScanSimulator.Plan small = tenth.plan(9, 0);
        assertEquals(2000, big.setup().grid().height());
        assertEquals(200, small.setup().grid().height());
        assertEquals(big.setup().grid().width() / 10.0, small.setup().grid().width(), 1.0);
        assertEquals(big.scene().cargo().size(), small.scene().cargo().size());
        assertEquals(big.scene().container(), small.scene().container());
    }
}
