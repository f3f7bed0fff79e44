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

/** Low-density textiles: strapped bales, garments hanging from rails, or floor-loaded cartons. */
public final class GarmentCargo implements CargoLoader {

    public static final GarmentCargo INSTANCE = new GarmentCargo();

    @Override
    public void load(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        double roll = random.nextDouble();
        if (roll < 0.4) {
            bales(space, random, out);
        } else if (roll < 0.7) {
            hanging(space, random, out);
        } else {
            double used = space.width() * between(random, 0.5, 1.0);
            double height = space.height() * between(random, 0.5, 0.95);
            Extent block = new Extent(space.x0(), space.y1() - height, space.x0() + used, space.y1());
            Cartons.stack(out, block, DEPTH * between(random, 0.85, 0.97), Goods.TEXTILES, random);
        }
    }

    private static void bales(Extent space, SplittableRandom random, List<Solid> out) {
        double width = between(random, 80, 120);
        double height = between(random, 45, 75);
        int rowsAcross = intBetween(random, 2, 3);
        double baleDepth = DEPTH / rowsAcross * between(random, 0.85, 0.97);
        double stackHeight = space.height() * between(random, 0.5, 0.95);
        double used = space.width() * between(random, 0.5, 1.0);
        int layers = Math.max(1, (int) (stackHeight / height));
        for (int row = 0; row < rowsAcross; row++) {
            double shift = between(random, 0, width / 2);
            for (int layer = 0; layer < layers; layer++) {
                double y = space.y1() - (layer + 0.5) * height;
                for (double x = space.x0() + shift; x + width <= space.x0() + used; x += width + between(random, 1, 6)) {
                    bale(out, x, y, width, height, baleDepth, random);
                }
            }
        }
    }

    private static void bale(List<Solid> out, double x0, double centerY, double width, double height, double depth,
            SplittableRandom random) {
        double w = width * between(random, 0.92, 1.0);
        double h = height * between(random, 0.9, 1.0);
        out.add(new Ellipsoid(Material.TEXTILE, between(random, 0.2, 0.5), x0 + w / 2, centerY, w, h, depth, true,
                between(random, -0.02, 0.02)));
        int straps = intBetween(random, 2, 5);
        for (int i = 1; i <= straps; i++) {
            double x = x0 + i * w / (straps + 1);
            double top = centerY - h / 2;
            double bottom = centerY + h / 2;
            out.add(Cuboid.of(Material.STEEL, x, top, x + 1.9, bottom, 2 * 0.08));
            out.add(Cuboid.of(Material.STEEL, x, top, x + 1.9, top + 0.08, depth));
            out.add(Cuboid.of(Material.STEEL, x, bottom - 0.08, x + 1.9, bottom, depth));
        }
    }

    /** Garments on hangers: steel rails under the roof, light textile hanging from them. */
    private static void hanging(Extent space, SplittableRandom random, List<Solid> out) {
        int rails = intBetween(random, 2, 3);
        double railY = space.y0() + between(random, 12, 25);
        double used = space.width() * between(random, 0.6, 1.0);
        out.add(Rod.lying(Material.STEEL, 7.85 * rails, space.x0(), space.x0() + used, railY, 1.25, 1.0));
        double perRail = DEPTH / rails * 0.8;
        double x = space.x0();
        while (x < space.x0() + used - 10) {
            double width = between(random, 8, 40);
            double length = chance(random, 0.2) ? between(random, 110, 150) : between(random, 55, 100);
            double bottom = Math.min(space.y1() - 5, railY + 4 + length);
            out.add(Cuboid.between(Material.TEXTILE, between(random, 0.03, 0.09), x, railY + 4, x + width, bottom,
                    perRail * rails * between(random, 0.6, 1.0)));
            out.add(Cuboid.between(Material.PLASTIC, 1.0, x, railY - 2, x + width, railY + 4,
                    width / 2.0 * rails * 0.2));
            x += width + between(random, 0, 4);
        }
    }
}
