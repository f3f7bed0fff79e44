package org.opencustoms.scan.sim.threats;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Moves a threat built around the origin to a plausible place: buried in the cargo (its whole
 * footprint over cargo), lying on the floor, or, when small, fixed to a side wall (the walls
 * face the beam, so at any height).
 */
public final class ThreatPlacer {

    private static final int ATTEMPTS_IN_CARGO = 25;
    private static final double SMALL_ENOUGH_FOR_A_WALL = 45;

    private ThreatPlacer() {
    }

    public static PlacedThreat place(ThreatKind kind, List<Solid> local, Extent space, List<Solid> cargo,
            SplittableRandom random) {
        PlacedThreat threat = PlacedThreat.of(kind, local);
        Extent own = threat.extent();
        if (!cargo.isEmpty() && chance(random, 0.8)) {
            for (int attempt = 0; attempt < ATTEMPTS_IN_CARGO; attempt++) {
                Extent host = cargo.get(random.nextInt(cargo.size())).extent();
                double x = clamp(between(random, host.x0(), host.x1()), space.x0() + own.width() / 2,
                        space.x1() - own.width() / 2, space.centerX());
                double y = clamp(between(random, host.y0(), host.y1()), space.y0() + own.height() / 2,
                        space.y1() - own.height() / 2, space.centerY());
                Extent moved = own.translated(x - own.centerX(), y - own.centerY());
                if (buried(moved, cargo)) {
                    return threat.translated(x - own.centerX(), y - own.centerY());
                }
            }
        }
        boolean onWall = Math.max(own.width(), own.height()) <= SMALL_ENOUGH_FOR_A_WALL && chance(random, 0.35);
        double x = clamp(between(random, space.x0(), space.x1()), space.x0() + own.width() / 2,
                space.x1() - own.width() / 2, space.centerX());
        double y = onWall
                ? clamp(between(random, space.y0(), space.y1()), space.y0() + own.height() / 2,
                        space.y1() - own.height() / 2, space.centerY())
                : space.y1() - own.height() / 2;
        return threat.translated(x - own.centerX(), y - own.centerY());
    }

    /** True when the corners, edge middles and centre of the footprint all lie over some cargo. */
    private static boolean buried(Extent footprint, List<Solid> cargo) {
        for (int i = 0; i <= 2; i++) {
            for (int j = 0; j <= 2; j++) {
                double x = footprint.x0() + i * footprint.width() / 2;
                double y = footprint.y0() + j * footprint.height() / 2;
                if (!overCargo(x, y, cargo)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean overCargo(double x, double y, List<Solid> cargo) {
        for (Solid solid : cargo) {
            Extent extent = solid.extent();
            if (x >= extent.x0() && x <= extent.x1() && y >= extent.y0() && y <= extent.y1()) {
                return true;
            }
        }
        return false;
    }

    private static double clamp(double value, double low, double high, double fallback) {
        if (low > high) {
            return fallback;
        }
        return Math.max(low, Math.min(high, value));
    }
}
