package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;

import java.util.List;
import java.util.SplittableRandom;

/** Pallet bases: deck boards over three rows of blocks, seen from the side. */
public final class Pallets {

    public static final double HEIGHT = 14.4;

    private Pallets() {
    }

    /** Adds a pallet standing on {@code floor}; returns the height of its top deck. */
    public static double base(List<Solid> out, double x0, double x1, double floor, double depth, SplittableRandom random) {
        boolean plastic = chance(random, 0.2);
        Material material = plastic ? Material.PLASTIC : Material.WOOD;
        double density = plastic ? 0.95 : between(random, 0.45, 0.65);
        double deckShare = plastic ? 0.5 : between(random, 0.55, 0.8);
        double top = floor - HEIGHT;
        out.add(Cuboid.between(material, density, x0, top, x1, top + 2.2, depth * deckShare));
        out.add(Cuboid.between(material, density, x0, floor - 2.2, x1, floor, depth * deckShare * 0.6));
        double block = 14.5;
        double[] centres = {x0 + block / 2, (x0 + x1) / 2, x1 - block / 2};
        for (double centre : centres) {
            out.add(Cuboid.between(material, density, centre - block / 2, top + 2.2, centre + block / 2,
                    floor - 2.2, 3 * block * (plastic ? 0.4 : 1)));
        }
        return top;
    }
}
