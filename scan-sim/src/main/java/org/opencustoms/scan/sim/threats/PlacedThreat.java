package org.opencustoms.scan.sim.threats;

import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;

import java.util.List;

/** A threat's solids where they sit in the scene, and the rectangle they cover. */
public record PlacedThreat(ThreatKind kind, List<Solid> solids, Extent extent) {

    public PlacedThreat {
        solids = List.copyOf(solids);
        if (solids.isEmpty()) {
            throw new IllegalArgumentException("a threat needs at least one solid");
        }
    }

    public static PlacedThreat of(ThreatKind kind, List<Solid> solids) {
        return new PlacedThreat(kind, solids, coverOf(solids));
    }

    public static Extent coverOf(List<Solid> solids) {
        Extent cover = solids.get(0).extent();
        for (Solid solid : solids) {
            cover = cover.union(solid.extent());
        }
        return cover;
    }

    public PlacedThreat translated(double dx, double dy) {
        return new PlacedThreat(kind, solids.stream().map(s -> s.translated(dx, dy)).toList(),
                extent.translated(dx, dy));
    }
}
