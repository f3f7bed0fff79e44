package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.geometry.PixelGrid;
import org.opencustoms.scan.sim.threats.PlacedThreat;

import org.opencustoms.scan.imaging.Box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThreatProjectionTest {

    private static final SimulationOptions THREATS = SimulationOptions.defaults().withScale(0.1).withThreatRate(1)
            .withEmptyRate(0.2).withModality(ModalityChoice.MIXED);

    @Test
    void everyScanWithThreatsHasBoxesInsideTheImage() {
        ScanSimulator simulator = new ScanSimulator(THREATS);
        for (int index = 0; index < 12; index++) {
            SimulatedScan scan = simulator.simulate(11, index);
            assertTrue(scan.threat());
            assertFalse(scan.empty());
            assertFalse(scan.threats().isEmpty());
            for (Box box : scan.boxes()) {
                assertTrue(box.w() > 0 && box.h() > 0, "empty box " + box);
                assertTrue(box.fitsIn(scan.width(), scan.height()), box + " outside " + scan.width() + "x" + scan.height());
            }
        }
    }

    @Test
    void threatsAddAttenuationWhereTheirBoxesAre() {
        ScanSimulator with = new ScanSimulator(THREATS);
        ScanSimulator without = new ScanSimulator(THREATS.withThreatProjection(false));
        for (int index = 0; index < 12; index++) {
            SimulatedScan projected = with.simulate(23, index);
            SimulatedScan plain = without.simulate(23, index);
            assertFalse(plain.threat());
            assertTrue(plain.threats().isEmpty());
            assertEquals(plain.width(), projected.width());
            for (Box box : projected.boxes()) {
                double added = meanAttenuation(projected, box) - meanAttenuation(plain, box);
                assertTrue(added >= 0, "scan " + index + " box " + box + " lost attenuation: " + added);
            }
            ScanSimulator.Plan plan = with.plan(23, index);
            PixelGrid grid = plan.setup().grid();
            float[] on = SceneRenderer.render(plan.scene(), grid, plan.setup().beams(), true)[0];
            float[] off = SceneRenderer.render(plan.scene(), grid, plan.setup().beams(), false)[0];
            List<PlacedThreat> threats = plan.scene().threats();
            for (PlacedThreat threat : threats) {
                Box box = grid.pixelsOf(threat.extent());
                assertTrue(sum(on, grid, box) > sum(off, grid, box), "no attenuation added by " + threat.kind());
            }
        }
    }

    private static double meanAttenuation(SimulatedScan scan, Box box) {
        double sum = 0;
        for (int y = box.y(); y < box.y() + box.h(); y++) {
            for (int x = box.x(); x < box.x() + box.w(); x++) {
                sum += scan.image().attenuationAt(x, y, scan.i0());
            }
        }
        return sum / (box.w() * box.h());
    }

    private static double sum(float[] attenuation, PixelGrid grid, Box box) {
        double sum = 0;
        for (int y = box.y(); y < box.y() + box.h(); y++) {
            for (int x = box.x(); x < box.x() + box.w(); x++) {
                sum += attenuation[y * grid.width() + x];
            }
        }
        return sum;
    }
}
