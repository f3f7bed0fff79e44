package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.cargo.CargoKind;
import org.opencustoms.scan.sim.geometry.ContainerGeometry;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.threats.PlacedThreat;

import java.util.List;

/** Everything the beam crosses in one scan, kept apart by role so threats can be left out. */
public record Scene(ContainerGeometry container, Extent cargoSpace, CargoKind cargoKind, List<Solid> structure,
        List<Solid> cargo, List<PlacedThreat> threats) {

    public Scene {
        structure = List.copyOf(structure);
        cargo = List.copyOf(cargo);
        threats = List.copyOf(threats);
    }
}
