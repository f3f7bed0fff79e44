package org.opencustoms.scan.sim.geometry;

import org.opencustoms.scan.imaging.Box;

/** The detector's sampling of the scene: image size and the size of one pixel in cm. */
public record PixelGrid(int width, int height, double pitchX, double pitchY) {

    public PixelGrid {
        if (width < 1 || height < 1 || !(pitchX > 0) || !(pitchY > 0)) {
            throw new IllegalArgumentException("bad grid " + width + "x" + height + " pitch " + pitchX + "/" + pitchY);
        }
    }

    public int firstColumn(double x) {
        return Math.max(0, (int) Math.floor(x / pitchX));
    }

    public int lastColumn(double x) {
        return Math.min(width - 1, (int) Math.ceil(x / pitchX) - 1);
    }

    public int firstRow(double y) {
        return Math.max(0, (int) Math.floor(y / pitchY));
    }

    public int lastRow(double y) {
        return Math.min(height - 1, (int) Math.ceil(y / pitchY) - 1);
    }

    public double columnCenter(int column) {
        return (column + 0.5) * pitchX;
    }

    public double rowCenter(int row) {
        return (row + 0.5) * pitchY;
    }

    /** Share of a column's width inside [x0, x1]. */
    public double columnCoverage(int column, double x0, double x1) {
        double left = column * pitchX;
        return Math.max(0, Math.min(x1, left + pitchX) - Math.max(x0, left)) / pitchX;
    }

    /** Share of a row's height inside [y0, y1]. */
    public double rowCoverage(int row, double y0, double y1) {
        double top = row * pitchY;
        return Math.max(0, Math.min(y1, top + pitchY) - Math.max(y0, top)) / pitchY;
    }

    /** The pixels a rectangle [x0, x1] x [y0, y1] touches, clipped to the image; null when it touches none. */
    public Span span(double x0, double y0, double x1, double y1) {
        Span span = new Span(firstColumn(x0), lastColumn(x1), firstRow(y0), lastRow(y1));
        return span.c1() < span.c0() || span.r1() < span.r0() ? null : span;
    }

    public Span span(Extent extent) {
        return span(extent.x0(), extent.y0(), extent.x1(), extent.y1());
    }

    /** The share of each column of a span inside [x0, x1], by column from c0. */
    public double[] columnShares(Span span, double x0, double x1) {
        double[] shares = new double[span.columns()];
        for (int column = span.c0(); column <= span.c1(); column++) {
            shares[column - span.c0()] = columnCoverage(column, x0, x1);
        }
        return shares;
    }

    /** Columns c0..c1 and rows r0..r1 of the image, inclusive, every one of them inside it. */
    public record Span(int c0, int c1, int r0, int r1) {

        public int columns() {
            return c1 - c0 + 1;
        }
    }

    /** The pixels an extent touches, clipped to the image; empty (w or h 0) when outside. */
    public Box pixelsOf(Extent extent) {
        int x0 = firstColumn(extent.x0());
        int y0 = firstRow(extent.y0());
        int x1 = lastColumn(extent.x1());
        int y1 = lastRow(extent.y1());
        if (x1 < x0 || y1 < y0) {
            return new Box(Math.min(x0, width - 1), Math.min(y0, height - 1), 0, 0);
        }
        return new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
