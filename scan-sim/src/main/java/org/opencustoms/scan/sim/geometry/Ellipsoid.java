package org.opencustoms.scan.sim.geometry;

import org.opencustoms.scan.sim.physics.Material;

/**
 * A rounded lump: ellipsoid (exponent 2) or a boxy superellipsoid (exponent 4: bales, sacks,
 * bladders, cast parts), turned in the image plane. Its path along the beam is
 * depth * (1 - |u/a|^p - |v/b|^p)^(1/p).
 */
public final class Ellipsoid extends Solid {

    private final double centerX;
    private final double centerY;
    private final double halfWidth;
    private final double halfHeight;
    private final double depth;
    private final boolean boxy;
    private final double angle;
    private final double cos;
    private final double sin;

    public Ellipsoid(Material material, double density, double centerX, double centerY, double width, double height,
            double depth, boolean boxy, double angle) {
        super(material, density);
        if (!(width > 0 && height > 0 && depth > 0)) {
            throw new IllegalArgumentException("ellipsoid needs a positive size");
        }
        this.centerX = centerX;
        this.centerY = centerY;
        this.halfWidth = width / 2;
        this.halfHeight = height / 2;
        this.depth = depth;
        this.boxy = boxy;
        this.angle = angle;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
    }

    @Override
    public Extent extent() {
        return Extent.aroundTurned(centerX, centerY, halfWidth, halfHeight, cos, sin);
    }

    @Override
    public double pathLength(double x, double y) {
        double dx = x - centerX;
        double dy = y - centerY;
        double u = (dx * cos + dy * sin) / halfWidth;
        double v = (-dx * sin + dy * cos) / halfHeight;
        double u2 = u * u;
        double v2 = v * v;
        if (!boxy) {
            double rest = 1 - u2 - v2;
            return rest > 0 ? depth * Math.sqrt(rest) : 0;
        }
        double rest = 1 - u2 * u2 - v2 * v2;
        return rest > 0 ? depth * Math.sqrt(Math.sqrt(rest)) : 0;
    }

    @Override
    public double smallestFeature() {
        return 2 * Math.min(halfWidth, halfHeight);
    }

    @Override
    public Ellipsoid translated(double dx, double dy) {
        return new Ellipsoid(material(), density(), centerX + dx, centerY + dy, 2 * halfWidth, 2 * halfHeight,
                depth, boxy, angle);
    }
}
