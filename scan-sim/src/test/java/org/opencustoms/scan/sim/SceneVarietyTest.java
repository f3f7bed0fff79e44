package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.cargo.CargoKind;
import org.opencustoms.scan.sim.geometry.ContainerSize;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.threats.PlacedThreat;
import org.opencustoms.scan.sim.threats.ThreatKind;

import org.opencustoms.scan.imaging.Modality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Scenes only (no pixels), so many can be checked quickly. */
class SceneVarietyTest {

    @Test
    void scenesCoverAllKindsAndKeepThreatsInsideTheContainer() {
        ScanSimulator simulator = new ScanSimulator(SimulationOptions.defaults().withScale(0.1).withThreatRate(0.8)
                .withEmptyRate(0.15).withModality(ModalityChoice.MIXED));
        Set<CargoKind> cargo = EnumSet.noneOf(CargoKind.class);
        Set<ThreatKind> threats = EnumSet.noneOf(ThreatKind.class);
        Set<ContainerSize> sizes = EnumSet.noneOf(ContainerSize.class);
        Set<Modality> modalities = EnumSet.noneOf(Modality.class);
        Set<Long> footprints = new HashSet<>();
        int threatCount = 0;
        for (int index = 0; index < 300; index++) {
            ScanSimulator.Plan plan = simulator.plan(2024, index);
            Scene scene = plan.scene();
            cargo.add(scene.cargoKind());
            sizes.add(scene.container().size());
            modalities.add(plan.setup().modality());
            Extent outline = scene.container().outline();
            for (PlacedThreat threat : scene.threats()) {
                threats.add(threat.kind());
                threatCount++;
                Extent extent = threat.extent();
                assertTrue(outline.inset(-1).contains(extent), threat.kind() + " " + extent + " outside " + outline);
                footprints.add(Math.round(extent.width()) * 10_000 + Math.round(extent.height()));
            }
        }
        assertEquals(EnumSet.allOf(CargoKind.class), cargo);
        assertEquals(EnumSet.allOf(ThreatKind.class), threats);
        assertEquals(EnumSet.allOf(ContainerSize.class), sizes);
        assertEquals(EnumSet.allOf(Modality.class), modalities);
        assertTrue(footprints.size() > 0.8 * threatCount, footprints.size() + " distinct sizes of " + threatCount);
    }
}
