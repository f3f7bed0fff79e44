package org.opencustoms.scan.sim.geometry;

import org.opencustoms.scan.sim.physics.AttenuationAccumulator;
import org.opencustoms.scan.sim.physics.Material;

/**
 * Something the beam crosses: a material at a density, and the length of its path along the
 * beam (cm) at each point of its footprint in the image plane.
 */
public abstract class Solid {

    private static final int MAX_SUPERSAMPLING = 4;

    private final Material material;
    private final double density;

    public Solid(Material material, double density) {
        if (!(density > 0)) {
            throw new IllegalArgumentException("density must be positive, got " + density);
        }
        this.material = material;
        this.density = density;
    }

    public final Material material() {
        return material;
    }

    public final double density() {
        return density;
    }

    /** Bounding rectangle of the footprint. */
    public abstract Extent extent();

    /** Path length along the beam (cm) at the scene point, 0 outside the footprint. */
    public abstract double pathLength(double x, double y);

    /** Smallest size across the footprint (cm): pixels coarser than this get supersampled. */
    public abstract double smallestFeature();

    public abstract Solid translated(double dx, double dy);

    /** Adds this solid's path to every pixel it covers, sampling n x n points per pixel where it is small. */
    public void rasterize(PixelGrid grid, AttenuationAccumulator accumulator) {
        Extent extent = extent();
        PixelGrid.Span span = grid.span(extent);
        if (span == null) {
            return;
        }
        int n = supersampling(grid);
        accumulator.select(this);
        for (int row = span.r0(); row <= span.r1(); row++) {
            int rowStart = row * grid.width();
            for (int column = span.c0(); column <= span.c1(); column++) {
                if (n == 1) {
                    double path = pathLength(grid.columnCenter(column), grid.rowCenter(row));
                    if (path != 0) {
                        accumulator.add(rowStart + column, path);
                    }
                    continue;
                }
                double sum = 0;
                int covered = 0;
                for (int sy = 0; sy < n; sy++) {
                    double y = (row + (sy + 0.5) / n) * grid.pitchY();
                    for (int sx = 0; sx < n; sx++) {
                        double path = pathLength((column + (sx + 0.5) / n) * grid.pitchX(), y);
                        if (path != 0) {
                            sum += path;
                            covered++;
                        }
                    }
                }
                if (covered > 0) {
                    accumulator.add(rowStart + column, sum / covered, covered / (double) (n * n));
                }
            }
        }
    }

    private int supersampling(PixelGrid grid) {
        double coarsest = Math.max(grid.pitchX(), grid.pitchY());
        int n = (int) Math.ceil(2 * coarsest / Math.max(smallestFeature(), 1e-6));
        return Math.max(1, Math.min(MAX_SUPERSAMPLING, n));
    }

    public static double chord(double radius, double offset) {
        double squared = radius * radius - offset * offset;
        return squared > 0 ? 2 * Math.sqrt(squared) : 0;
    }
}
