package org.opencustoms.scan.sim.geometry;

import org.opencustoms.scan.sim.physics.AttenuationAccumulator;
import org.opencustoms.scan.sim.physics.Material;

/**
 * A box: rectangular footprint (possibly turned in the image plane) with the same path length
 * everywhere, or a hollow box whose inside shows only its front and back walls. Axis-aligned
 * boxes are rasterised with exact pixel coverage, so thin plates (container webs, cardboard)
 * keep their transmission at any scale.
 */
public final class Cuboid extends Solid {

    private final double centerX;
    private final double centerY;
    private final double halfWidth;
    private final double halfHeight;
    private final double angle;
    private final double cos;
    private final double sin;
    private final double depth;
    private final double wall;
    private final double innerPath;

    private Cuboid(Material material, double density, double centerX, double centerY, double halfWidth,
            double halfHeight, double angle, double depth, double wall) {
        super(material, density);
        if (!(halfWidth > 0 && halfHeight > 0 && depth > 0)) {
            throw new IllegalArgumentException("box needs a positive size");
        }
        if (wall < 0 || (wall > 0 && (wall >= halfWidth || wall >= halfHeight))) {
            throw new IllegalArgumentException("wall " + wall + " leaves no inside");
        }
        this.centerX = centerX;
        this.centerY = centerY;
        this.halfWidth = halfWidth;
        this.halfHeight = halfHeight;
        this.angle = angle;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
        this.depth = depth;
        this.wall = wall;
        this.innerPath = 2 * Math.min(wall, depth / 4);
    }

    public static Cuboid between(Material material, double density, double x0, double y0, double x1, double y1,
            double depth) {
        return new Cuboid(material, density, (x0 + x1) / 2, (y0 + y1) / 2,
                Math.abs(x1 - x0) / 2, Math.abs(y1 - y0) / 2, 0, depth, 0);
    }

    public static Cuboid of(Material material, double x0, double y0, double x1, double y1, double depth) {
        return between(material, material.density(), x0, y0, x1, y1, depth);
    }

    public static Cuboid turned(Material material, double density, double centerX, double centerY,
            double width, double height, double angle, double depth) {
        return new Cuboid(material, density, centerX, centerY, width / 2, height / 2, angle, depth, 0);
    }

    /**
     * A closed hollow box with walls of the given thickness (front and back walls at most a
     * quarter of the depth): its edges are crossed lengthwise, its inside only through two walls.
     */
    public static Cuboid hollow(Material material, double density, double centerX, double centerY, double width,
            double height, double angle, double depth, double wall) {
        return new Cuboid(material, density, centerX, centerY, width / 2, height / 2, angle, depth, wall);
    }

    @Override
    public Extent extent() {
        return Extent.aroundTurned(centerX, centerY, halfWidth, halfHeight, cos, sin);
    }

    @Override
    public double pathLength(double x, double y) {
        double dx = x - centerX;
        double dy = y - centerY;
        double u = Math.abs(dx * cos + dy * sin);
        double v = Math.abs(-dx * sin + dy * cos);
        if (u > halfWidth || v > halfHeight) {
            return 0;
        }
        return wall > 0 && u < halfWidth - wall && v < halfHeight - wall ? innerPath : depth;
    }

    @Override
    public double smallestFeature() {
        return wall > 0 ? wall : 2 * Math.min(halfWidth, halfHeight);
    }

    @Override
    public Cuboid translated(double dx, double dy) {
        return new Cuboid(material(), density(), centerX + dx, centerY + dy, halfWidth, halfHeight, angle, depth,
                wall);
    }

    @Override
    public void rasterize(PixelGrid grid, AttenuationAccumulator accumulator) {
        if (angle != 0) {
            super.rasterize(grid, accumulator);
            return;
        }
        accumulator.select(this);
        if (wall == 0) {
            fill(grid, accumulator, halfWidth, halfHeight, depth, null);
            return;
        }
        Cuboid inside = new Cuboid(material(), density(), centerX, centerY, halfWidth - wall, halfHeight - wall, 0,
                innerPath, 0);
        fill(grid, accumulator, halfWidth, halfHeight, depth, inside);
        inside.fill(grid, accumulator, inside.halfWidth, inside.halfHeight, innerPath, null);
    }

    /** Exact-coverage fill of a centred rectangle, leaving out what {@code hole} covers. */
    private void fill(PixelGrid grid, AttenuationAccumulator accumulator, double halfX, double halfY, double path,
            Cuboid hole) {
        double x0 = centerX - halfX;
        double x1 = centerX + halfX;
        double y0 = centerY - halfY;
        double y1 = centerY + halfY;
        PixelGrid.Span span = grid.span(x0, y0, x1, y1);
        if (span == null) {
            return;
        }
        double[] columnShare = grid.columnShares(span, x0, x1);
        double[] holeColumnShare = hole == null ? new double[span.columns()]
                : grid.columnShares(span, hole.centerX - hole.halfWidth, hole.centerX + hole.halfWidth);
        for (int row = span.r0(); row <= span.r1(); row++) {
            double rowShare = grid.rowCoverage(row, y0, y1);
            double holeRowShare = hole == null ? 0
                    : grid.rowCoverage(row, hole.centerY - hole.halfHeight, hole.centerY + hole.halfHeight);
            int rowStart = row * grid.width();
            for (int column = span.c0(); column <= span.c1(); column++) {
                double share = columnShare[column - span.c0()] * rowShare - holeColumnShare[column - span.c0()] * holeRowShare;
                if (share > 1e-9) {
                    accumulator.add(rowStart + column, path, share);
                }
            }
        }
    }
}
