package org.opencustoms.scan.sim.geometry;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.physics.Material;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The steel and wood of an empty ISO container as the beam sees it. Members that run along the
 * beam (cross members, floor, roof, end rails) are crossed over their full length and come out
 * nearly opaque; members facing the beam (side walls) add only their sheet thickness.
 */
public final class ContainerStructure {

    private static final Material STEEL = Material.STEEL;
    private static final double ACROSS = ContainerGeometry.INNER_DEPTH;

    private final ContainerGeometry geometry;
    private final SplittableRandom random;
    private final List<Solid> parts = new ArrayList<>();

    private ContainerStructure(ContainerGeometry geometry, SplittableRandom random) {
        this.geometry = geometry;
        this.random = random;
    }

    public static List<Solid> build(ContainerGeometry geometry, SplittableRandom random) {
        ContainerStructure structure = new ContainerStructure(geometry, random);
        structure.sideWalls();
        structure.roofAndTopRails();
        structure.floorAndBase();
        structure.frontEnd();
        structure.doorEnd();
        structure.repairPatches();
        return List.copyOf(structure.parts);
    }

    private void sideWalls() {
        Extent wall = new Extent(geometry.x0() + 3, geometry.yTop() + 6, geometry.x1() - 3, geometry.floorTop());
        double thickness = random.nextBoolean() ? 0.16 : 0.20;
        double pitch = between(25, 29.5);
        double webRun = between(5, 7.5);
        double depth = between(3, 4.5);
        double phase = between(0, pitch);
        parts.add(new CorrugatedPanel(STEEL, wall, thickness, pitch, webRun, depth, phase));
        parts.add(new CorrugatedPanel(STEEL, wall, thickness, pitch, webRun, depth, phase + between(-2, 2)));
    }

    private void roofAndTopRails() {
        double top = geometry.yTop();
        double sheet = 0.2;
        double corrugation = between(1.6, 2.4);
        parts.add(Cuboid.of(STEEL, geometry.x0() + 2, top + 0.4, geometry.x1() - 2, top + 0.4 + corrugation,
                ACROSS * sheet / corrugation * 1.15));
        hollowRailAlongScan(top, 6, 6, between(0.3, 0.4));
    }

    private void floorAndBase() {
        double floorTop = geometry.floorTop();
        double x0 = geometry.x0() + 2;
        double x1 = geometry.x1() - 2;
        parts.add(Cuboid.between(Material.WOOD, between(0.65, 0.75), x0, floorTop, x1, floorTop + 2.8, ACROSS));
        double memberTop = floorTop + 2.8;
        double memberBottom = geometry.yBottom() - 0.5;
        double spacing = between(30, 42);
        for (double x = x0 + between(10, 30); x < x1 - 10; x += spacing + between(-1.5, 1.5)) {
            parts.add(Cuboid.of(STEEL, x, memberTop, x + 0.45, memberBottom, ACROSS));
            parts.add(Cuboid.of(STEEL, x, memberTop, x + 4.5, memberTop + 0.45, ACROSS));
            parts.add(Cuboid.of(STEEL, x, memberBottom - 0.45, x + 4.5, memberBottom, ACROSS));
        }
        double railTop = geometry.yBottom() - 16;
        parts.add(Cuboid.of(STEEL, x0, railTop, x1, geometry.yBottom(), 2 * 0.45));
        parts.add(Cuboid.of(STEEL, x0, railTop, x1, railTop + 0.45, 2 * 5));
        parts.add(Cuboid.of(STEEL, x0, geometry.yBottom() - 0.45, x1, geometry.yBottom(), 2 * 5));
    }

    private void frontEnd() {
        cornerPosts(false, 0.6, 11);
        double wallTop = geometry.yTop() + 6;
        double wallBottom = geometry.floorTop();
        double depth = between(3.5, 4.5);
        double pitch = between(25, 30);
        double webRun = between(5, 7);
        double webCrossings = 2 * ACROSS / pitch;
        double pathPerCrossing = 0.2 * Math.hypot(webRun, depth) / depth;
        endBand(false, 1, 1 + depth, wallTop, wallBottom, webCrossings * pathPerCrossing);
        double flatShare = (pitch - 2 * webRun) / (2 * pitch);
        endBand(false, 1, 1.2, wallTop, wallBottom, ACROSS * flatShare);
        endBand(false, 1 + depth - 0.2, 1 + depth, wallTop, wallBottom, ACROSS * flatShare);
        tubeAlongBeam(false, 0, 8, geometry.yTop(), geometry.yTop() + 10, 0.4);
        tubeAlongBeam(false, 0, 8, geometry.yBottom() - 16, geometry.yBottom(), 0.45);
        cornerCastings(false);
    }

    private void doorEnd() {
        cornerPosts(true, 0.8, 15);
        double top = geometry.yTop();
        double bottom = geometry.yBottom();
        tubeAlongBeam(true, 0, 15, top, top + 12, 0.5);
        tubeAlongBeam(true, 0, 15, bottom - 16, bottom, 0.5);
        double doorTop = top + 12;
        double doorBottom = bottom - 16;
        double depth = between(3, 4);
        double pitch = between(25, 30);
        double webRun = between(5, 7);
        endBand(true, 2, 2 + depth, doorTop, doorBottom, 2 * ACROSS / pitch * 0.2 * Math.hypot(webRun, depth) / depth);
        double flatShare = (pitch - 2 * webRun) / (2 * pitch);
        endBand(true, 2, 2.2, doorTop, doorBottom, ACROSS * flatShare);
        endBand(true, 2 + depth - 0.2, 2 + depth, doorTop, doorBottom, ACROSS * flatShare);
        tubeAlongBeam(true, 1.5, 7.5, doorTop, doorTop + 8, 0.3);
        tubeAlongBeam(true, 1.5, 7.5, doorBottom - 8, doorBottom, 0.3);
        lockingBars(doorTop, doorBottom);
        for (int hinge = 0; hinge < 4; hinge++) {
            double y = doorTop + 15 + hinge * (doorBottom - doorTop - 40) / 3;
            endBand(true, 0, 6, y, y + 10, 2 * 4);
        }
        cornerCastings(true);
    }

    private void lockingBars(double doorTop, double doorBottom) {
        double radius = between(1.35, 1.7);
        double handleY = doorBottom - between(100, 130);
        for (int bar = 0; bar < 4; bar++) {
            double x = geometry.inwardFrom(true, 1.5 + between(-0.8, 0.8));
            parts.add(Rod.upright(STEEL, STEEL.density(), x, doorTop - 8, doorBottom + 8, radius, radius * 0.6));
        }
        endBand(true, 0, 7, doorTop - 10, doorTop - 2, 4 * 5);
        endBand(true, 0, 7, doorBottom + 2, doorBottom + 10, 4 * 5);
        endBand(true, 0, 4, handleY - 15, handleY + 15, 4 * 1.2);
    }

    private void cornerPosts(boolean doorEnd, double plate, double flange) {
        double top = geometry.yTop();
        double bottom = geometry.yBottom();
        endBand(doorEnd, 0, 15, top, bottom, 2 * 2 * plate);
        endBand(doorEnd, 0.2, 0.2 + plate, top, bottom, 2 * flange);
        endBand(doorEnd, 15 - plate, 15, top, bottom, 2 * flange);
    }

    private void cornerCastings(boolean doorEnd) {
        double top = geometry.yTop();
        double bottom = geometry.yBottom();
        endBand(doorEnd, 0, 17.8, top, top + 11.8, 2 * between(5, 8));
        endBand(doorEnd, 0, 17.8, bottom - 11.8, bottom, 2 * between(5, 8));
    }

    /** Old repairs: welded plates on a side wall; they look like small hidden compartments. */
    private void repairPatches() {
        int patches = random.nextDouble() < 0.3 ? 1 + random.nextInt(3) : 0;
        Extent space = geometry.cargoSpace();
        for (int i = 0; i < patches; i++) {
            double width = between(20, 120);
            double height = between(15, 90);
            double x = between(space.x0(), space.x1() - width);
            double y = between(space.y0() + 10, space.y1() - height);
            parts.add(Cuboid.of(STEEL, x, y, x + width, y + height, between(0.15, 0.3)));
        }
    }

    /** Two hollow rails running along the container at the given height, one per side. */
    private void hollowRailAlongScan(double yTop, double height, double width, double wall) {
        double x0 = geometry.x0() + 2;
        double x1 = geometry.x1() - 2;
        parts.add(Cuboid.of(STEEL, x0, yTop, x1, yTop + height, 2 * 2 * wall));
        parts.add(Cuboid.of(STEEL, x0, yTop, x1, yTop + wall, 2 * (width - 2 * wall)));
        parts.add(Cuboid.of(STEEL, x0, yTop + height - wall, x1, yTop + height, 2 * (width - 2 * wall)));
    }

    /** A hollow section spanning the container's width: its four walls run along the beam. */
    private void tubeAlongBeam(boolean doorEnd, double from, double to, double yTop, double yBottom, double wall) {
        endBand(doorEnd, from, to, yTop, yTop + wall, ACROSS);
        endBand(doorEnd, from, to, yBottom - wall, yBottom, ACROSS);
        endBand(doorEnd, from, from + wall, yTop + wall, yBottom - wall, ACROSS);
        endBand(doorEnd, to - wall, to, yTop + wall, yBottom - wall, ACROSS);
    }

    /** Steel between two inward distances from one end, over a height range. */
    private void endBand(boolean doorEnd, double from, double to, double yTop, double yBottom, double path) {
        double xa = geometry.inwardFrom(doorEnd, from);
        double xb = geometry.inwardFrom(doorEnd, to);
        parts.add(Cuboid.of(STEEL, Math.min(xa, xb), yTop, Math.max(xa, xb), yBottom, path));
    }

    private double between(double low, double high) {
        return Randoms.between(random, low, high);
    }
}
