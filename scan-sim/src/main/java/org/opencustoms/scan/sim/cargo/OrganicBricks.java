package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Ellipsoid;
import org.opencustoms.scan.sim.geometry.Rod;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;
import static org.opencustoms.scan.sim.Randoms.intBetween;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stacks of organic packages (bricks, pillows or rolls of narcotics or explosives) built
 * around the origin. Sizes, orientation, grid, rows along the beam and density all vary.
 */
public final class OrganicBricks {

    private enum Wrapping { BRICK, PILLOW, ROLL }

    private OrganicBricks() {
    }

    public static List<Solid> build(SplittableRandom random, boolean small) {
        int total = small ? intBetween(random, 1, 6) : intBetween(random, 4, 48);
        int alongBeam = small ? 1 : intBetween(random, 1, Math.min(4, Math.max(1, total / 4)));
        int perLayer = Math.max(1, total / alongBeam);
        double side = Math.sqrt(perLayer);
        int columns = intBetween(random, Math.max(1, (int) Math.round(side / 1.5)),
                Math.max(1, (int) Math.round(side * 1.5)));
        int rows = Math.max(1, (int) Math.ceil(perLayer / (double) columns));
        return stack(random, columns, rows, alongBeam);
    }

    /** A columns x rows grid of packages, alongBeam deep. */
    public static List<Solid> stack(SplittableRandom random, int columns, int rows, int alongBeam) {
        double length = between(random, 16, 32);
        double width = between(random, 10, 22);
        double thickness = between(random, 3, 8);
        double inPlaneWidth;
        double inPlaneHeight;
        double depth;
        double orientation = random.nextDouble();
        if (orientation < 0.5) {
            inPlaneWidth = length;
            inPlaneHeight = width;
            depth = thickness;
        } else if (orientation < 0.8) {
            inPlaneWidth = length;
            inPlaneHeight = thickness;
            depth = width;
        } else {
            inPlaneWidth = width;
            inPlaneHeight = thickness;
            depth = length;
        }
        Material material = chance(random, 0.2) ? Material.EXPLOSIVE : Material.ORGANIC;
        double density = material == Material.EXPLOSIVE ? between(random, 1.4, 1.7)
                : chance(random, 0.25) ? between(random, 0.45, 0.8) : between(random, 0.9, 1.4);
        Wrapping wrapping = chance(random, 0.7) ? Wrapping.BRICK : chance(random, 0.6) ? Wrapping.PILLOW : Wrapping.ROLL;
        double gap = between(random, 0, 1.5);
        double stackAngle = chance(random, 0.6) ? 0 : between(random, -0.5, 0.5);
        double cos = Math.cos(stackAngle);
        double sin = Math.sin(stackAngle);
        List<Solid> solids = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                double u = column * (inPlaneWidth + gap) + between(random, -0.6, 0.6);
                double v = row * (inPlaneHeight + gap) + between(random, -0.4, 0.4);
                double x = u * cos - v * sin;
                double y = u * sin + v * cos;
                double angle = stackAngle + between(random, -0.06, 0.06);
                double local = density * between(random, 0.95, 1.05);
                double path = alongBeam * depth;
                solids.add(switch (wrapping) {
                    case BRICK -> Cuboid.turned(material, local, x, y, inPlaneWidth, inPlaneHeight, angle, path);
                    case PILLOW -> new Ellipsoid(material, local, x, y, inPlaneWidth, inPlaneHeight, path * 1.3, true,
                            angle);
                    case ROLL -> Rod.turned(material, local * alongBeam, x, y,
                            inPlaneWidth, inPlaneHeight / 2, 0, angle);
                });
            }
        }
        return solids;
    }
}
