package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Disc;
import org.opencustoms.scan.sim.geometry.Ellipsoid;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Rod;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;
import static org.opencustoms.scan.sim.Randoms.intBetween;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Heavy steel: machines built from blocks and cylinders, steel coils, pipe bundles and beams.
 * Coils, pipes and beams are counted against the payload, since a few of them reach it.
 */
public final class MachineryCargo implements CargoLoader {

    public static final MachineryCargo INSTANCE = new MachineryCargo();
    private static final Material STEEL = Material.STEEL;

    @Override
    public void load(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        double[] payloadLeft = {payloadGrams};
        double x = space.x0() + between(random, 0, 60);
        int items = intBetween(random, 1, Math.max(1, (int) (space.width() / 200)));
        for (int i = 0; i < items && x < space.x1() - 40; i++) {
            double room = space.x1() - x;
            double width = Math.min(room, between(random, 60, 320));
            Extent slot = new Extent(x, space.y0(), x + width, space.y1());
            double roll = random.nextDouble();
            if (roll < 0.5) {
                machine(slot, random, out);
            } else if (roll < 0.65) {
                coils(slot, payloadLeft, random, out);
            } else if (roll < 0.85) {
                pipes(slot, payloadLeft, random, out);
            } else {
                beams(slot, payloadLeft, random, out);
            }
            x += width + between(random, 10, 120);
        }
    }

    /** A machine on a wooden skid: maybe a sheet-metal housing, around blocks, shafts, gears and castings. */
    private static void machine(Extent slot, SplittableRandom random, List<Solid> out) {
        double width = slot.width() * between(random, 0.7, 1.0);
        double height = Math.min(slot.height() - 15, between(random, 50, 210));
        double x0 = slot.x0();
        double floor = slot.y1();
        out.add(Cuboid.between(Material.WOOD, 0.6, x0, floor - 12, x0 + width, floor, 2 * 15));
        double bottom = floor - 12;
        double top = bottom - height;
        if (chance(random, 0.6)) {
            out.add(Cuboid.hollow(STEEL, STEEL.density(), x0 + width / 2, (top + bottom) / 2, width, height, 0,
                    between(random, 60, 200), between(random, 0.15, 0.4)));
        }
        frame(x0, top, x0 + width, bottom, random, out);
        int parts = intBetween(random, 4, 14);
        for (int i = 0; i < parts; i++) {
            double partWidth = width * between(random, 0.06, 0.45);
            double partHeight = height * between(random, 0.06, 0.45);
            double cx = between(random, x0 + partWidth / 2, x0 + width - partWidth / 2);
            double cy = between(random, top + partHeight / 2, bottom - partHeight / 2);
            part(out, cx, cy, partWidth, partHeight, random);
        }
    }

    private static void part(List<Solid> out, double cx, double cy, double width, double height,
            SplittableRandom random) {
        double roll = random.nextDouble();
        if (roll < 0.25) {
            double angle = chance(random, 0.7) ? 0 : between(random, -0.4, 0.4);
            double wall = chance(random, 0.4) ? Math.min(width, height) * between(random, 0.1, 0.3) : 0;
            out.add(Cuboid.hollow(STEEL, STEEL.density() * between(random, 0.5, 1.0), cx, cy, width, height, angle,
                    between(random, 5, 35), wall));
        } else if (roll < 0.45) {
            double radius = Math.min(height, width) / 2;
            boolean hollow = chance(random, 0.5);
            out.add(Rod.turned(STEEL, STEEL.density(), cx, cy, Math.max(width, height), radius,
                    hollow ? radius * between(random, 0.6, 0.95) : 0, chance(random, 0.6) ? 0 : Math.PI / 2));
        } else if (roll < 0.6) {
            double radius = Math.min(width, height) / 2;
            out.add(new Disc(STEEL, STEEL.density(), cx, cy, radius, radius * between(random, 0, 0.5),
                    between(random, 2, 25)));
        } else if (roll < 0.8) {
            out.add(new Ellipsoid(STEEL, STEEL.density() * between(random, 0.4, 0.9), cx, cy, width, height,
                    between(random, 8, 40), chance(random, 0.5), Randoms.angle(random)));
        } else if (roll < 0.9) {
            double copper = between(random, 3, 6);
            out.add(Rod.lying(STEEL, copper, cx - width / 2, cx + width / 2, cy, Math.min(height, width) / 2, 0));
        } else {
            Material light = chance(random, 0.5) ? Material.ALUMINIUM : Material.PLASTIC;
            out.add(Cuboid.between(light, light.density() * between(random, 0.2, 0.8), cx - width / 2,
                    cy - height / 2, cx + width / 2, cy + height / 2, between(random, 10, 60)));
        }
    }

    /** Welded frame of steel tubes around a machine: its members show as outlines. */
    private static void frame(double x0, double y0, double x1, double y1, SplittableRandom random, List<Solid> out) {
        if (chance(random, 0.4)) {
            return;
        }
        double tube = between(random, 4, 10);
        double path = 2 * between(random, 0.5, 1.5);
        out.add(Cuboid.of(STEEL, x0, y0, x0 + tube, y1, path));
        out.add(Cuboid.of(STEEL, x1 - tube, y0, x1, y1, path));
        out.add(Cuboid.of(STEEL, x0 + tube, y1 - tube, x1 - tube, y1, between(random, 20, 120)));
    }

    /** Steel coils: eye along the beam (rings) or upright. */
    private static void coils(Extent slot, double[] payloadLeft, SplittableRandom random, List<Solid> out) {
        double radius = Math.min(slot.height() / 2 - 10, between(random, 40, 90));
        boolean eyeToBeam = chance(random, 0.6);
        double density = STEEL.density() * 0.95;
        double x = slot.x0() + radius;
        while (x + radius <= slot.x1()) {
            double hole = radius * between(random, 0.3, 0.5);
            double ring = Math.PI * (radius * radius - hole * hole);
            double width = eyeToBeam ? between(random, 80, 180) : between(random, 60, Math.min(180, slot.height() - 20));
            if (!take(payloadLeft, ring * width * density)) {
                return;
            }
            double y = slot.y1() - 15 - radius;
            out.add(Cuboid.between(Material.WOOD, 0.6, x - radius, slot.y1() - 15, x + radius, slot.y1(), 30));
            if (eyeToBeam) {
                out.add(new Disc(STEEL, density, x, y, radius, hole, width));
            } else {
                out.add(Rod.upright(STEEL, density, x, slot.y1() - 15 - width, slot.y1() - 15, radius, hole));
            }
            x += 2 * radius + between(random, 20, 60);
        }
    }

    /** Takes the mass from what the payload has left; false when it does not fit. */
    private static boolean take(double[] payloadLeft, double grams) {
        if (grams > payloadLeft[0]) {
            return false;
        }
        payloadLeft[0] -= grams;
        return true;
    }

    /** A bundle of pipes lying along the container. */
    private static void pipes(Extent slot, double[] payloadLeft, SplittableRandom random, List<Solid> out) {
        double radius = between(random, 2, 15);
        double wall = Math.min(radius * 0.5, between(random, 0.3, 1.5));
        int rows = Math.max(1, (int) (Math.min(slot.height() * 0.7, between(random, 30, 150)) / (2 * radius)));
        double depthShare = between(random, 0.5, 0.9);
        int alongBeam = Math.max(1, (int) (DEPTH * depthShare / (2 * radius)));
        double length = slot.width();
        double rowGrams = alongBeam * length * Math.PI * (radius * radius - (radius - wall) * (radius - wall))
                * STEEL.density();
        rows = Math.min(rows, (int) (payloadLeft[0] / rowGrams));
        if (rows < 1) {
            return;
        }
        take(payloadLeft, rows * rowGrams);
        for (int row = 0; row < rows; row++) {
            double y = slot.y1() - 10 - radius - row * 2 * radius * 0.92;
            out.add(Rod.lying(STEEL, STEEL.density() * alongBeam, slot.x0(), slot.x0() + length, y, radius,
                    radius - wall));
        }
        out.add(Cuboid.between(Material.WOOD, 0.6, slot.x0() + 20, slot.y1() - 10, slot.x0() + 30, slot.y1(), DEPTH));
        out.add(Cuboid.between(Material.WOOD, 0.6, slot.x1() - 30, slot.y1() - 10, slot.x1() - 20, slot.y1(), DEPTH));
    }

    /** I-beams lying along the container: the flanges run along the beam, the webs face it. */
    private static void beams(Extent slot, double[] payloadLeft, SplittableRandom random, List<Solid> out) {
        double height = between(random, 10, 40);
        double flangeWidth = between(random, 10, 30);
        double flange = between(random, 0.8, 2.5);
        double web = between(random, 0.6, 1.5);
        int acrossBeam = intBetween(random, 2, 6);
        int layers = Math.max(1, (int) (Math.min(slot.height() * 0.6, between(random, 20, 100)) / height));
        double layerGrams = acrossBeam * slot.width() * (2 * flangeWidth * flange + height * web) * STEEL.density();
        layers = Math.min(layers, (int) (payloadLeft[0] / layerGrams));
        take(payloadLeft, layers * layerGrams);
        for (int layer = 0; layer < layers; layer++) {
            double bottom = slot.y1() - 8 - layer * (height + 8);
            double top = bottom - height;
            out.add(Cuboid.of(STEEL, slot.x0(), top, slot.x1(), top + flange, acrossBeam * flangeWidth));
            out.add(Cuboid.of(STEEL, slot.x0(), bottom - flange, slot.x1(), bottom, acrossBeam * flangeWidth));
            out.add(Cuboid.of(STEEL, slot.x0(), top + flange, slot.x1(), bottom - flange, acrossBeam * web));
            out.add(Cuboid.between(Material.WOOD, 0.6, slot.x0() + 10, bottom, slot.x0() + 20, bottom + 8, DEPTH * 0.8));
        }
    }
}
