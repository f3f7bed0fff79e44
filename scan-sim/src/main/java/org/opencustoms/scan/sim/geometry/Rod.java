package org.opencustoms.scan.sim.geometry;

import org.opencustoms.scan.sim.physics.AttenuationAccumulator;
import org.opencustoms.scan.sim.physics.Material;

/**
 * A cylinder whose axis lies in the image plane (a drum standing upright, a pipe along the
 * container, a rifle barrel): the path is the chord at the distance from the axis, minus the
 * inner chord when hollow. Axis-aligned rods are filled from a one-dimensional chord profile.
 */
public final class Rod extends Solid {

    private final double centerX;
    private final double centerY;
    private final double halfLength;
    private final double radius;
    private final double innerRadius;
    private final double angle;
    private final double cos;
    private final double sin;

    private Rod(Material material, double density, double centerX, double centerY, double halfLength,
            double radius, double innerRadius, double angle) {
        super(material, density);
        if (!(radius > 0 && halfLength > 0 && innerRadius >= 0 && innerRadius < radius)) {
            throw new IllegalArgumentException("bad rod r=" + radius + " inner=" + innerRadius + " l=" + halfLength);
        }
        this.centerX = centerX;
        this.centerY = centerY;
        this.halfLength = halfLength;
        this.radius = radius;
        this.innerRadius = innerRadius;
        this.angle = angle;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
    }

    /** Rod standing upright between two heights (a drum, a post). */
    public static Rod upright(Material material, double density, double centerX, double yTop, double yBottom,
            double radius, double innerRadius) {
        return new Rod(material, density, centerX, (yTop + yBottom) / 2, Math.abs(yBottom - yTop) / 2,
                radius, innerRadius, Math.PI / 2);
    }

    /** Rod lying along the scan direction (a pipe, a roll). */
    public static Rod lying(Material material, double density, double x0, double x1, double centerY,
            double radius, double innerRadius) {
        return new Rod(material, density, (x0 + x1) / 2, centerY, Math.abs(x1 - x0) / 2, radius, innerRadius, 0);
    }

    public static Rod turned(Material material, double density, double centerX, double centerY, double length,
            double radius, double innerRadius, double angle) {
        return new Rod(material, density, centerX, centerY, length / 2, radius, innerRadius, angle);
    }

    @Override
    public Extent extent() {
        return Extent.aroundTurned(centerX, centerY, halfLength, radius, cos, sin);
    }

    @Override
    public double pathLength(double x, double y) {
        double dx = x - centerX;
        double dy = y - centerY;
        double along = dx * cos + dy * sin;
        if (Math.abs(along) > halfLength) {
            return 0;
        }
        return chordAt(-dx * sin + dy * cos);
    }

    private double chordAt(double offset) {
        double path = chord(radius, offset);
        return innerRadius > 0 ? path - chord(innerRadius, offset) : path;
    }

    @Override
    public double smallestFeature() {
        return Math.min(innerRadius > 0 ? radius - innerRadius : 2 * radius, 2 * halfLength);
    }

    @Override
    public Rod translated(double dx, double dy) {
        return new Rod(material(), density(), centerX + dx, centerY + dy, halfLength, radius, innerRadius, angle);
    }

    @Override
    public void rasterize(PixelGrid grid, AttenuationAccumulator accumulator) {
        boolean upright = angle == Math.PI / 2;
        if (!upright && angle != 0) {
            super.rasterize(grid, accumulator);
            return;
        }
        Extent extent = extent();
        PixelGrid.Span span = grid.span(extent);
        if (span == null) {
            return;
        }
        int first = upright ? span.c0() : span.r0();
        int last = upright ? span.c1() : span.r1();
        double pitch = upright ? grid.pitchX() : grid.pitchY();
        double axis = upright ? centerX : centerY;
        double[] chords = new double[last - first + 1];
        double[] shares = new double[last - first + 1];
        for (int i = first; i <= last; i++) {
            double sum = 0;
            int covered = 0;
            for (int s = 0; s < 4; s++) {
                double chord = chordAt((i + (s + 0.5) / 4) * pitch - axis);
                if (chord != 0) {
                    sum += chord;
                    covered++;
                }
            }
            chords[i - first] = covered > 0 ? sum / covered : 0;
            shares[i - first] = covered / 4.0;
        }
        accumulator.select(this);
        for (int row = span.r0(); row <= span.r1(); row++) {
            int rowStart = row * grid.width();
            for (int column = span.c0(); column <= span.c1(); column++) {
                int across = upright ? column - span.c0() : row - span.r0();
                double along = upright ? grid.rowCoverage(row, extent.y0(), extent.y1())
                        : grid.columnCoverage(column, extent.x0(), extent.x1());
                double coverage = shares[across] * along;
                if (coverage > 0) {
                    accumulator.add(rowStart + column, chords[across], coverage);
                }
            }
        }
    }
}
