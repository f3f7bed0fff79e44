package org.opencustoms.scan.sim;

import java.util.List;

/** A threat's solids where they sit in the scene, and the rectangle they cover. */
record PlacedThreat(ThreatKind kind, List<Solid> solids, Extent extent) {

    PlacedThreat {
        solids = List.copyOf(solids);
        if (solids.isEmpty()) {
            throw new IllegalArgumentException("a threat needs at least one solid");
        }
    }

    static PlacedThreat of(ThreatKind kind, List<Solid> solids) {
        return new PlacedThreat(kind, solids, coverOf(solids));
    }

    static Extent coverOf(List<Solid> solids) {
        Extent cover = solids.get(0).extent();
        for (Solid solid : solids) {
            cover = cover.union(solid.extent());
        }
        return cover;
    }

    PlacedThreat translated(double dx, double dy) {
        return new PlacedThreat(kind, solids.stream().map(s -> s.translated(dx, dy)).toList(),
                extent.translated(dx, dy));
    }
}
