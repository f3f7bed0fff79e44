package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.ContainerGeometry;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Ellipsoid;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;
import org.opencustoms.scan.sim.threats.PlacedThreat;
import org.opencustoms.scan.sim.threats.ThreatKind;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hidden compartments built into the container: a false front wall, a false floor or ceiling,
 * or a lined section of side wall, each holding organic packages or metal. A panel running
 * along the beam is crossed over the container's full width and shows as a sharp dark line;
 * a lining facing the beam adds only its thickness.
 */
public final class Compartments {

    private static final double ACROSS = ContainerGeometry.INNER_DEPTH;

    /** A compartment and how much of the cargo space at the front end it takes. */
    public record Built(PlacedThreat threat, double frontReserve) {
    }

    private Compartments() {
    }

    /**
     * @param frontWallFree false when another compartment already took the front end
     */
    public static Built build(ContainerGeometry geometry, SplittableRandom random, boolean small, boolean frontWallFree) {
        double roll = random.nextDouble();
        if (roll < 0.25 && frontWallFree) {
            return falseFrontWall(geometry, random, small);
        }
        if (roll < 0.55) {
            return new Built(falseFloor(geometry, random, small, false), 0);
        }
        if (roll < 0.7) {
            return new Built(falseFloor(geometry, random, small, true), 0);
        }
        return new Built(wallLining(geometry, random, small), 0);
    }

    private static Built falseFrontWall(ContainerGeometry geometry, SplittableRandom random, boolean small) {
        Extent space = geometry.cargoSpace();
        double gap = small ? between(random, 8, 25) : between(random, 15, 60);
        boolean steel = chance(random, 0.5);
        double panel = steel ? between(random, 0.2, 0.4) : between(random, 1.5, 2.5);
        double inner = geometry.inwardFrom(false, ContainerGeometry.FRONT_END);
        double direction = geometry.doorOnLeft() ? -1 : 1;
        double wallX = inner + direction * gap;
        List<Solid> solids = new ArrayList<>();
        solids.add(panel(steel, Math.min(wallX, wallX + direction * panel), space.y0(),
                Math.max(wallX, wallX + direction * panel), space.y1(), ACROSS));
        double fillHeight = space.height() * (small ? between(random, 0.1, 0.35) : between(random, 0.3, 1.0));
        double x0 = Math.min(inner, wallX) + 0.5;
        double x1 = Math.max(inner, wallX) - 0.5;
        contents(solids, new Extent(x0, space.y1() - fillHeight, x1, space.y1()), ACROSS * 0.95, random);
        return new Built(PlacedThreat.of(ThreatKind.HIDDEN_COMPARTMENT, solids), gap + panel);
    }

    private static PlacedThreat falseFloor(ContainerGeometry geometry, SplittableRandom random, boolean small,
            boolean ceiling) {
        Extent space = geometry.cargoSpace();
        double length = Math.min(space.width() - 20, small ? between(random, 40, 150) : between(random, 80, 500));
        double x0 = between(random, space.x0() + 5, space.x1() - 5 - length);
        double height = small ? between(random, 4, 8) : between(random, 5, 18);
        boolean steel = chance(random, 0.5);
        double panel = steel ? between(random, 0.3, 0.6) : between(random, 1.8, 2.8);
        double base = ceiling ? space.y0() : space.y1();
        double direction = ceiling ? 1 : -1;
        double panelNear = base + direction * height;
        double panelFar = panelNear + direction * panel;
        List<Solid> solids = new ArrayList<>();
        solids.add(panel(steel, x0, Math.min(panelNear, panelFar), x0 + length, Math.max(panelNear, panelFar),
                ACROSS));
        for (double post : new double[] {x0, x0 + length - 4}) {
            solids.add(Cuboid.of(Material.STEEL, post, Math.min(base, panelNear), post + 4, Math.max(base, panelNear),
                    2 * 0.3));
        }
        double fill = height * between(random, 0.6, 0.95);
        double near = ceiling ? base : base - fill;
        contents(solids, new Extent(x0 + 5, near, x0 + length - 5, near + fill), ACROSS * between(random, 0.4, 0.9),
                random);
        return PlacedThreat.of(ThreatKind.HIDDEN_COMPARTMENT, solids);
    }

    private static PlacedThreat wallLining(ContainerGeometry geometry, SplittableRandom random, boolean small) {
        Extent space = geometry.cargoSpace();
        double width = Math.min(space.width() - 20, small ? between(random, 20, 80) : between(random, 40, 300));
        double height = Math.min(space.height() - 20, small ? between(random, 15, 50) : between(random, 30, 180));
        double x0 = between(random, space.x0() + 5, space.x1() - 5 - width);
        double y0 = between(random, space.y0() + 5, space.y1() - 5 - height);
        double cavity = between(random, 4, 15);
        boolean steel = chance(random, 0.6);
        double lining = steel ? between(random, 0.2, 0.4) : between(random, 1.2, 2.0);
        double frame = between(random, 0.3, 0.6);
        List<Solid> solids = new ArrayList<>();
        solids.add(panel(steel, x0, y0, x0 + width, y0 + height, lining));
        solids.add(Cuboid.of(Material.STEEL, x0, y0, x0 + frame, y0 + height, cavity));
        solids.add(Cuboid.of(Material.STEEL, x0 + width - frame, y0, x0 + width, y0 + height, cavity));
        solids.add(Cuboid.of(Material.STEEL, x0 + frame, y0, x0 + width - frame, y0 + frame, cavity));
        solids.add(Cuboid.of(Material.STEEL, x0 + frame, y0 + height - frame, x0 + width - frame, y0 + height, cavity));
        contents(solids, new Extent(x0 + 1, y0 + 1, x0 + width - 1, y0 + height - 1), cavity * 0.9, random);
        return PlacedThreat.of(ThreatKind.HIDDEN_COMPARTMENT, solids);
    }

    private static Solid panel(boolean steel, double x0, double y0, double x1, double y1, double path) {
        return steel ? Cuboid.of(Material.STEEL, x0, y0, x1, y1, path)
                : Cuboid.between(Material.WOOD, 0.6, x0, y0, x1, y1, path);
    }

    /** What the compartment hides: a packed organic fill, loose packages, or metal. */
    private static void contents(List<Solid> solids, Extent space, double depth, SplittableRandom random) {
        if (space.width() < 2 || space.height() < 1) {
            return;
        }
        double roll = random.nextDouble();
        if (roll < 0.5) {
            Material material = chance(random, 0.8) ? Material.ORGANIC : Material.EXPLOSIVE;
            double fill = between(random, 0.3, 0.9);
            solids.add(Cuboid.between(material, material.density() * between(random, 0.8, 1.2), space.x0(),
                    space.y0(), space.x1(), space.y1(), depth * fill));
        } else if (roll < 0.8) {
            double size = Math.min(space.height(), 20);
            for (double x = space.x0(); x + size <= space.x1(); x += size * between(random, 1.05, 2.5)) {
                solids.add(new Ellipsoid(Material.ORGANIC, between(random, 0.9, 1.3), x + size / 2, space.centerY(),
                        size * between(random, 0.8, 1.0), space.height() * between(random, 0.7, 1.0),
                        Math.max(1, depth * between(random, 0.2, 0.6)), true, 0));
            }
        } else {
            solids.add(Cuboid.between(Material.STEEL, Material.STEEL.density() * between(random, 0.1, 0.3),
                    space.x0(), space.y0(), space.x1(), space.y1(), Math.min(depth, between(random, 5, 40))));
        }
    }
}
