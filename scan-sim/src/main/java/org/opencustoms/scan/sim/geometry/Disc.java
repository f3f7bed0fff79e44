package org.opencustoms.scan.sim.geometry;

import org.opencustoms.scan.sim.physics.Material;

/**
 * A cylinder whose axis runs along the beam (a wheel, a coil lying eye-to-beam, a drum on its
 * side across the container): round footprint, constant path, optionally with a round hole.
 */
public final class Disc extends Solid {

    private final double centerX;
    private final double centerY;
    private final double radius;
    private final double holeRadius;
    private final double depth;

    public Disc(Material material, double density, double centerX, double centerY, double radius, double holeRadius,
            double depth) {
        super(material, density);
        if (!(radius > 0 && holeRadius >= 0 && holeRadius < radius)) {
            throw new IllegalArgumentException("bad disc r=" + radius + " hole=" + holeRadius);
        }
        this.centerX = centerX;
        this.centerY = centerY;
        this.radius = radius;
        this.holeRadius = holeRadius;
        this.depth = depth;
    }

    @Override
    public Extent extent() {
        return Extent.around(centerX, centerY, radius, radius);
    }

    @Override
    public double pathLength(double x, double y) {
        double dx = x - centerX;
        double dy = y - centerY;
        double squared = dx * dx + dy * dy;
        return squared <= radius * radius && squared >= holeRadius * holeRadius ? depth : 0;
    }

    @Override
    public double smallestFeature() {
        return holeRadius > 0 ? radius - holeRadius : 2 * radius;
    }

    @Override
    public Disc translated(double dx, double dy) {
        return new Disc(material(), density(), centerX + dx, centerY + dy, radius, holeRadius, depth);
    }
}
