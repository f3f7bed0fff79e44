package org.opencustoms.scan.sim.geometry;

/**
 * Where a container sits in the scene and its standard ISO dimensions (cm). The beam crosses the
 * container's width; x runs along its length, y down its height.
 */
public record ContainerGeometry(ContainerSize size, boolean highCube, double x0, double yTop, boolean doorOnLeft) {

    public static final double INNER_DEPTH = 235.2;
    public static final double ROOF = 4.3;
    public static final double BASE = 15.5;
    public static final double FRONT_END = 5.5;
    public static final double DOOR_END = 10.5;
    private static final double STANDARD_HEIGHT = 259.1;
    private static final double HIGH_CUBE_HEIGHT = 289.6;

    public static double heightOf(boolean highCube) {
        return highCube ? HIGH_CUBE_HEIGHT : STANDARD_HEIGHT;
    }

    public double length() {
        return size.lengthCm();
    }

    public double height() {
        return heightOf(highCube);
    }

    public double x1() {
        return x0 + length();
    }

    public double yBottom() {
        return yTop + height();
    }

    public double floorTop() {
        return yBottom() - BASE;
    }

    public Extent outline() {
        return new Extent(x0, yTop, x1(), yBottom());
    }

    /** The empty inside of the container, as seen by the beam. */
    public Extent cargoSpace() {
        double left = doorOnLeft ? DOOR_END : FRONT_END;
        double right = doorOnLeft ? FRONT_END : DOOR_END;
        return new Extent(x0 + left, yTop + ROOF, x1() - right, floorTop());
    }

    /** x at a distance inward from the outer face of the door end (door = true) or the blind front end. */
    public double inwardFrom(boolean doorEnd, double distance) {
        boolean atLeft = doorEnd == doorOnLeft;
        return atLeft ? x0 + distance : x1() - distance;
    }
}
