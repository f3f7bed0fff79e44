package org.opencustoms.scan.sim.geometry;

/** Axis-aligned rectangle in scene coordinates (cm; x along the scan, y downwards from the top detector row). */
public record Extent(double x0, double y0, double x1, double y1) {

    public Extent {
        if (!(x1 >= x0 && y1 >= y0)) {
            throw new IllegalArgumentException("inverted extent " + x0 + "," + y0 + " - " + x1 + "," + y1);
        }
    }

    public static Extent around(double centerX, double centerY, double halfWidth, double halfHeight) {
        return new Extent(centerX - halfWidth, centerY - halfHeight, centerX + halfWidth, centerY + halfHeight);
    }

    /** The extent of a rectangle of half sides {@code halfU} x {@code halfV} about a centre, turned by (cos, sin). */
    public static Extent aroundTurned(double centerX, double centerY, double halfU, double halfV, double cos, double sin) {
        return around(centerX, centerY, Math.abs(halfU * cos) + Math.abs(halfV * sin), Math.abs(halfU * sin) + Math.abs(halfV * cos));
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    public double centerX() {
        return (x0 + x1) / 2;
    }

    public double centerY() {
        return (y0 + y1) / 2;
    }

    public Extent union(Extent other) {
        return new Extent(Math.min(x0, other.x0), Math.min(y0, other.y0),
                Math.max(x1, other.x1), Math.max(y1, other.y1));
    }

    public Extent translated(double dx, double dy) {
        return new Extent(x0 + dx, y0 + dy, x1 + dx, y1 + dy);
    }

    public Extent inset(double margin) {
        double mx = Math.min(margin, width() / 2);
        double my = Math.min(margin, height() / 2);
        return new Extent(x0 + mx, y0 + my, x1 - mx, y1 - my);
    }

    public boolean contains(Extent other) {
        return other.x0 >= x0 && other.x1 <= x1 && other.y0 >= y0 && other.y1 <= y1;
    }
}
