package org.opencustoms.scan.sim.geometry;

import org.opencustoms.scan.sim.physics.AttenuationAccumulator;
import org.opencustoms.scan.sim.physics.Material;

/**
 * A trapezoidal corrugated steel sheet facing the beam (a container side wall). The beam
 * crosses the sheet once; on the flats the path is the sheet thickness, on the inclined webs
 * it is longer by 1 / cos of their slope, which gives the faint vertical stripes of real scans.
 */
public final class CorrugatedPanel extends Solid {

    private final Extent extent;
    private final double thickness;
    private final double pitch;
    private final double webRun;
    private final double corrugationDepth;
    private final double webPath;
    private final double phase;

    /**
     * @param pitch period of the corrugation along x
     * @param webRun length along x of one inclined web
     * @param corrugationDepth how far the web rises across the sheet
     * @param phase x offset of the pattern
     */
    public CorrugatedPanel(Material material, Extent extent, double thickness, double pitch, double webRun,
            double corrugationDepth, double phase) {
        super(material, material.density());
        if (!(pitch > 2 * webRun && webRun > 0 && thickness > 0)) {
            throw new IllegalArgumentException("corrugation must have flats between its webs");
        }
        this.extent = extent;
        this.thickness = thickness;
        this.pitch = pitch;
        this.webRun = webRun;
        this.corrugationDepth = corrugationDepth;
        this.webPath = thickness * Math.hypot(1, corrugationDepth / webRun);
        this.phase = phase;
    }

    @Override
    public Extent extent() {
        return extent;
    }

    @Override
    public double pathLength(double x, double y) {
        if (x < extent.x0() || x > extent.x1() || y < extent.y0() || y > extent.y1()) {
            return 0;
        }
        return pathAt(x);
    }

    private double pathAt(double x) {
        double flat = (pitch - 2 * webRun) / 2;
        double position = ((x - phase) % pitch + pitch) % pitch;
        boolean onWeb = (position >= flat && position < flat + webRun) || position >= 2 * flat + webRun;
        return onWeb ? webPath : thickness;
    }

    @Override
    public double smallestFeature() {
        return webRun;
    }

    @Override
    public CorrugatedPanel translated(double dx, double dy) {
        return new CorrugatedPanel(material(), extent.translated(dx, dy), thickness, pitch, webRun,
                corrugationDepth, phase + dx);
    }

    @Override
    public void rasterize(PixelGrid grid, AttenuationAccumulator accumulator) {
        PixelGrid.Span span = grid.span(extent);
        if (span == null) {
            return;
        }
        double[] profile = new double[span.columns()];
        for (int column = span.c0(); column <= span.c1(); column++) {
            double sum = 0;
            for (int s = 0; s < 4; s++) {
                sum += pathAt((column + (s + 0.5) / 4) * grid.pitchX());
            }
            profile[column - span.c0()] = sum / 4;
        }
        double[] columnShare = grid.columnShares(span, extent.x0(), extent.x1());
        accumulator.select(this);
        for (int row = span.r0(); row <= span.r1(); row++) {
            double rowShare = grid.rowCoverage(row, extent.y0(), extent.y1());
            int rowStart = row * grid.width();
            for (int column = span.c0(); column <= span.c1(); column++) {
                accumulator.add(rowStart + column, profile[column - span.c0()], columnShare[column - span.c0()] * rowShare);
            }
        }
    }
}
