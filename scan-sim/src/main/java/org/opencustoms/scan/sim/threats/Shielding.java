package org.opencustoms.scan.sim.threats;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Rod;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;
import static org.opencustoms.scan.sim.Randoms.intBetween;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Dense blocks that could shield a radioactive source, built around the origin. */
public final class Shielding {

    private Shielding() {
    }

    public static List<Solid> build(SplittableRandom random, boolean small) {
        double size = small ? between(random, 0.4, 0.7) : between(random, 0.7, 1.4);
        Material metal = chance(random, 0.6) ? Material.LEAD : Material.STEEL;
        double roll = random.nextDouble();
        if (roll < 0.3) {
            return brickCastle(random, size);
        }
        if (roll < 0.5) {
            return List.of(Cuboid.turned(metal, metal.density(), 0, 0, size * between(random, 12, 45),
                    size * between(random, 8, 35), tilt(random), size * between(random, 6, 30)));
        }
        if (roll < 0.75) {
            return pig(random, size, metal);
        }
        return linedBox(random, size);
    }

    private static double tilt(SplittableRandom random) {
        return chance(random, 0.6) ? 0 : between(random, -Math.PI / 2, Math.PI / 2);
    }

    /** Standard lead bricks (20 x 10 x 5 cm) stacked into a wall, seams visible. */
    private static List<Solid> brickCastle(SplittableRandom random, double size) {
        int columns = Math.max(1, (int) Math.round(intBetween(random, 1, 3) * size));
        int rows = Math.max(1, (int) Math.round(intBetween(random, 2, 5) * size));
        int layers = intBetween(random, 1, 4);
        boolean flat = random.nextBoolean();
        double brickWidth = 20;
        double brickHeight = flat ? 5 : 10;
        double brickDepth = flat ? 10 : 5;
        double angle = tilt(random);
        List<Solid> solids = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            double offset = row % 2 == 0 ? 0 : brickWidth / 2;
            for (int column = 0; column < columns; column++) {
                double u = column * (brickWidth + 0.2) + offset;
                double v = row * (brickHeight + 0.2);
                solids.add(Cuboid.turned(Material.LEAD, Material.LEAD.density(),
                        u * Math.cos(angle) - v * Math.sin(angle), u * Math.sin(angle) + v * Math.cos(angle),
                        brickWidth, brickHeight, angle, layers * brickDepth));
            }
        }
        return solids;
    }

    /** A closed cylinder with a small cavity: a tube plus two thick lids. */
    private static List<Solid> pig(SplittableRandom random, double size, Material metal) {
        double radius = size * between(random, 6, 16);
        double height = size * between(random, 14, 40);
        double cavity = radius * between(random, 0.2, 0.45);
        double lid = Math.max(2, (height - 2 * cavity) / 2 * between(random, 0.6, 0.9));
        double angle = chance(random, 0.6) ? Math.PI / 2 : Randoms.angle(random);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double lidOffset = height / 2 - lid / 2;
        List<Solid> solids = new ArrayList<>();
        solids.add(Rod.turned(metal, metal.density(), 0, 0, height - 2 * lid, radius, cavity, angle));
        solids.add(Rod.turned(metal, metal.density(), lidOffset * cos, lidOffset * sin, lid, radius, 0, angle));
        solids.add(Rod.turned(metal, metal.density(), -lidOffset * cos, -lidOffset * sin, lid, radius, 0, angle));
        if (metal == Material.LEAD && chance(random, 0.5)) {
            solids.add(Rod.turned(Material.STEEL, Material.STEEL.density(), 0, 0, height + 1, radius + 0.4, radius,
                    angle));
        }
        return solids;
    }

    /** A steel case lined with lead. */
    private static List<Solid> linedBox(SplittableRandom random, double size) {
        double width = size * between(random, 25, 70);
        double height = size * between(random, 20, 55);
        double depth = size * between(random, 20, 70);
        double lining = between(random, 1.5, 6);
        double angle = chance(random, 0.7) ? 0 : between(random, -0.5, 0.5);
        double leadWall = Math.min(lining, Math.min(width, Math.min(height, depth)) / 2 - 2);
        return List.of(
                Cuboid.hollow(Material.STEEL, Material.STEEL.density(), 0, 0, width, height, angle, depth, 0.5),
                Cuboid.hollow(Material.LEAD, Material.LEAD.density(), 0, 0, width - 1, height - 1, angle, depth - 1,
                        leadWall));
    }
}
