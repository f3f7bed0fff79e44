package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Ellipsoid;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Rod;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;
import static org.opencustoms.scan.sim.Randoms.intBetween;

import java.util.List;
import java.util.SplittableRandom;

/** What fills a carton, from light plastic to bottles and metal parts. */
public enum Goods {
    LIGHT_PLASTIC, PAPER, DRY_FOOD, BOTTLES, CANS, CERAMICS, APPLIANCES, METAL_PARTS, TEXTILES, GLASSWARE;

    /**
     * Fills a carton's inside.
     *
     * @param depth how much of the beam's path crosses such cartons (all cartons in a line along it)
     */
    public void fill(List<Solid> out, Extent inside, double depth, SplittableRandom random) {
        switch (this) {
            case LIGHT_PLASTIC -> uniform(out, inside, Material.PLASTIC, between(random, 0.04, 0.2), depth, random);
            case PAPER -> uniform(out, inside, Material.CARDBOARD, between(random, 0.3, 0.75), depth, random);
            case DRY_FOOD -> packets(out, inside, Material.ORGANIC, between(random, 0.25, 0.7), depth, random);
            case BOTTLES -> containers(out, inside, Material.GLASS, 0.3, between(random, 5.5, 9), depth, random);
            case CANS -> containers(out, inside, Material.ALUMINIUM, 0.03, between(random, 3.3, 5), depth, random);
            case CERAMICS -> packets(out, inside, Material.CONCRETE, between(random, 0.4, 1.1), depth, random);
            case APPLIANCES -> appliance(out, inside, depth, random);
            case METAL_PARTS -> packets(out, inside, Material.STEEL, between(random, 0.08, 0.45), depth, random);
            case TEXTILES -> uniform(out, inside, Material.TEXTILE, between(random, 0.08, 0.3), depth, random);
            case GLASSWARE -> packets(out, inside, Material.GLASS, between(random, 0.15, 0.5), depth, random);
        }
    }

    private static void uniform(List<Solid> out, Extent inside, Material material, double density, double depth,
            SplittableRandom random) {
        double top = inside.y0() + inside.height() * between(random, 0, 0.25);
        out.add(Cuboid.between(material, density, inside.x0(), top, inside.x1(), inside.y1(),
                depth * between(random, 0.75, 1)));
        int lumps = intBetween(random, 0, 4);
        for (int i = 0; i < lumps; i++) {
            double width = inside.width() * between(random, 0.15, 0.5);
            double height = (inside.y1() - top) * between(random, 0.15, 0.5);
            out.add(new Ellipsoid(material, density * between(random, 0.3, 1.0),
                    between(random, inside.x0() + width / 2, inside.x1() - width / 2),
                    between(random, top + height / 2, inside.y1() - height / 2), width, height,
                    depth * between(random, 0.1, 0.4), chance(random, 0.5), Randoms.angle(random)));
        }
    }

    /**
     * Packs of random sizes (a guillotine split of the carton) with gaps between them: bags of
     * rice, boxed tiles, bundled parts.
     */
    private static void packets(List<Solid> out, Extent inside, Material material, double density, double depth,
            SplittableRandom random) {
        split(out, inside, material, density, depth, random, intBetween(random, 0, 3));
    }

    private static void split(List<Solid> out, Extent part, Material material, double density, double depth,
            SplittableRandom random, int levels) {
        boolean vertical = part.width() > part.height() ? chance(random, 0.7) : chance(random, 0.3);
        if (levels > 0 && Math.min(part.width(), part.height()) > 6) {
            double cut = between(random, 0.3, 0.7);
            if (vertical) {
                double x = part.x0() + cut * part.width();
                split(out, new Extent(part.x0(), part.y0(), x, part.y1()), material, density, depth, random, levels - 1);
                split(out, new Extent(x, part.y0(), part.x1(), part.y1()), material, density, depth, random, levels - 1);
            } else {
                double y = part.y0() + cut * part.height();
                split(out, new Extent(part.x0(), part.y0(), part.x1(), y), material, density, depth, random, levels - 1);
                split(out, new Extent(part.x0(), y, part.x1(), part.y1()), material, density, depth, random, levels - 1);
            }
            return;
        }
        double gap = Math.min(part.width(), part.height()) * between(random, 0.02, 0.12);
        Extent pack = part.inset(gap);
        if (pack.width() <= 0.2 || pack.height() <= 0.2 || chance(random, 0.08)) {
            return;
        }
        double local = density * between(random, 0.75, 1.25);
        double path = depth * between(random, 0.6, 1);
        double angle = chance(random, 0.3) ? between(random, -0.05, 0.05) : 0;
        if (chance(random, 0.35)) {
            out.add(new Ellipsoid(material, local, pack.centerX(), pack.centerY(), pack.width(), pack.height(), path,
                    true, angle));
        } else {
            out.add(Cuboid.turned(material, local, pack.centerX(), pack.centerY(), pack.width(), pack.height(), angle,
                    path));
        }
    }

    /** Upright bottles or cans in a row; those behind each other along the beam are folded into the density. */
    private static void containers(List<Solid> out, Extent inside, Material shell, double wall, double radius,
            double depth, SplittableRandom random) {
        int perRow = Math.max(1, (int) (inside.width() / (2 * radius)));
        double pitch = inside.width() / perRow;
        double r = Math.min(radius, pitch / 2 * 0.98);
        int alongBeam = Math.max(1, (int) (depth / (2 * radius)));
        double height = inside.height() * between(random, 0.8, 0.98);
        double fillTop = inside.y1() - height * between(random, 0.75, 0.92);
        Material content = Material.WATER;
        double liquidDensity = between(random, 0.95, 1.1) * alongBeam;
        for (int i = 0; i < perRow; i++) {
            double x = inside.x0() + (i + 0.5) * pitch;
            out.add(Rod.upright(shell, shell.density() * alongBeam, x, inside.y1() - height, inside.y1(), r,
                    Math.max(0, r - wall)));
            out.add(Rod.upright(content, liquidDensity, x, fillTop, inside.y1(), Math.max(0.1, r - wall), 0));
        }
    }

    private static void appliance(List<Solid> out, Extent inside, double depth, SplittableRandom random) {
        out.add(Cuboid.between(Material.PLASTIC, between(random, 0.05, 0.15), inside.x0(), inside.y0(), inside.x1(),
                inside.y1(), depth * 0.9));
        int parts = intBetween(random, 1, 3);
        for (int i = 0; i < parts; i++) {
            double size = Math.min(inside.width(), inside.height()) * between(random, 0.2, 0.5);
            double x = between(random, inside.x0() + size / 2, inside.x1() - size / 2);
            double y = between(random, inside.y0() + size / 2, inside.y1() - size / 2);
            Material metal = chance(random, 0.7) ? Material.STEEL : Material.ALUMINIUM;
            if (chance(random, 0.5)) {
                out.add(Rod.lying(metal, metal.density() * between(random, 0.4, 0.8), x - size / 2, x + size / 2, y,
                        size / 3, 0));
            } else {
                out.add(Cuboid.between(metal, metal.density() * between(random, 0.1, 0.4), x - size / 2, y - size / 2,
                        x + size / 2, y + size / 2, between(random, 5, 20)));
            }
        }
    }
}
