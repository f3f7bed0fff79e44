package org.opencustoms.scan.sim;

import java.util.List;

/** Everything the beam crosses in one scan, kept apart by role so threats can be left out. */
record Scene(ContainerGeometry container, Extent cargoSpace, CargoKind cargoKind, List<Solid> structure,
        List<Solid> cargo, List<PlacedThreat> threats) {

    Scene {
        structure = List.copyOf(structure);
        cargo = List.copyOf(cargo);
        threats = List.copyOf(threats);
    }
}
