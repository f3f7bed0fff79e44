package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.PixelGrid;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.AttenuationAccumulator;
import org.opencustoms.scan.sim.physics.Material;

/**
 * Loose bulk goods poured into the container: constant path (the fill's depth across the
 * container) from the floor up to an uneven surface given as heights sampled evenly along x.
 */
public final class HeapFill extends Solid {

    private final double x0;
    private final double x1;
    private final double bottom;
    private final double[] surface;
    private final double depth;
    private final Extent extent;

    public HeapFill(Material material, double density, double x0, double x1, double bottom, double[] surface,
            double depth) {
        super(material, density);
        if (surface.length < 2 || !(x1 > x0)) {
            throw new IllegalArgumentException("a heap needs a surface of at least two samples over a positive length");
        }
        this.x0 = x0;
        this.x1 = x1;
        this.bottom = bottom;
        this.surface = surface.clone();
        this.depth = depth;
        double highest = bottom;
        for (double y : surface) {
            highest = Math.min(highest, y);
        }
        this.extent = new Extent(x0, highest, x1, bottom);
    }

    public double surfaceAt(double x) {
        double position = (x - x0) / (x1 - x0) * (surface.length - 1);
        int left = Math.max(0, Math.min(surface.length - 2, (int) position));
        double t = Math.max(0, Math.min(1, position - left));
        return surface[left] + t * (surface[left + 1] - surface[left]);
    }

    @Override
    public Extent extent() {
        return extent;
    }

    @Override
    public double pathLength(double x, double y) {
        return x >= x0 && x <= x1 && y <= bottom && y >= surfaceAt(x) ? depth : 0;
    }

    @Override
    public double smallestFeature() {
        return Math.min(x1 - x0, bottom - extent.y0());
    }

    @Override
    public HeapFill translated(double dx, double dy) {
        double[] moved = surface.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += dy;
        }
        return new HeapFill(material(), density(), x0 + dx, x1 + dx, bottom + dy, moved, depth);
    }

    @Override
    public void rasterize(PixelGrid grid, AttenuationAccumulator accumulator) {
        int c0 = grid.firstColumn(x0);
        int c1 = grid.lastColumn(x1);
        int rBottom = grid.lastRow(bottom);
        accumulator.select(this);
        for (int column = c0; column <= c1; column++) {
            double share = grid.columnCoverage(column, x0, x1);
            double top = surfaceAt(grid.columnCenter(column));
            for (int row = grid.firstRow(top); row <= rBottom; row++) {
                double coverage = share * grid.rowCoverage(row, top, bottom);
                if (coverage > 0) {
                    accumulator.add(row * grid.width() + column, depth, coverage);
                }
            }
        }
    }
}
