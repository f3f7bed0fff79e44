package org.opencustoms.scan.sim.threats;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Ellipsoid;
import org.opencustoms.scan.sim.geometry.Rod;
import org.opencustoms.scan.sim.geometry.Silhouette;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;
import static org.opencustoms.scan.sim.Randoms.intBetween;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.opencustoms.scan.sim.geometry.Silhouette.Part;

/**
 * Weapon-like objects built around the origin: pistols, rifles, shotguns and sub-machine guns
 * from randomly proportioned parts, plus grenades and ammunition cans. Each is drawn at a
 * random scale, rotation, mirror and out-of-plane tilt, sometimes as a bundle.
 */
public final class Weapons {

    private static final Material STEEL = Material.STEEL;

    private Weapons() {
    }

    public static List<Solid> build(SplittableRandom random, boolean small) {
        double roll = random.nextDouble();
        if (small || roll < 0.35) {
            return small && chance(random, 0.3) ? grenades(random) : bundle(random, Weapons::pistol, 3);
        }
        if (roll < 0.65) {
            return bundle(random, Weapons::rifle, 5);
        }
        if (roll < 0.75) {
            return bundle(random, Weapons::shotgun, 3);
        }
        if (roll < 0.85) {
            return bundle(random, Weapons::submachineGun, 3);
        }
        return roll < 0.93 ? grenades(random) : ammunitionCan(random);
    }

    private interface Design {
        Silhouette draw(SplittableRandom random);
    }

    /** One weapon, or several laid side by side at nearly the same angle. */
    private static List<Solid> bundle(SplittableRandom random, Design design, int most) {
        int count = chance(random, 0.7) ? 1 : intBetween(random, 2, most);
        double rotation = Randoms.angle(random);
        boolean mirror = random.nextBoolean();
        double spacing = between(random, 2.5, 9);
        List<Solid> solids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double offset = i * spacing;
            double x = -Math.sin(rotation) * offset + between(random, -3, 3) * Math.cos(rotation);
            double y = Math.cos(rotation) * offset + between(random, -3, 3) * Math.sin(rotation);
            double tilt = chance(random, 0.5) ? between(random, 0, 0.35) : between(random, 0.35, 1.25);
            solids.addAll(design.draw(random).place(x, y, between(random, 0.85, 1.15), mirror, tilt,
                    rotation + between(random, -0.12, 0.12)));
        }
        return solids;
    }

    private static Silhouette pistol(SplittableRandom random) {
        double slide = between(random, 15, 21);
        double slideHeight = between(random, 2.6, 3.4);
        boolean polymer = chance(random, 0.55);
        Material frame = polymer ? Material.PLASTIC : STEEL;
        double frameDensity = polymer ? 1.4 : STEEL.density() * 0.8;
        double gripAngle = Math.PI / 2 + between(random, 0.12, 0.4);
        double gripLength = between(random, 9.5, 12.5);
        double gripU = -slide / 2 + between(random, 2.5, 4.5) + Math.cos(gripAngle) * gripLength / 2;
        double gripV = slideHeight / 2 + 1.8 + Math.sin(gripAngle) * gripLength / 2;
        Silhouette pistol = new Silhouette()
                .add(Part.box(STEEL, STEEL.density() * between(random, 0.6, 0.8), 0, 0, slide, slideHeight, 0,
                        between(random, 2.3, 3.1)))
                .add(Part.rod(STEEL, STEEL.density(), slide * 0.05, 0, slide * 0.9, between(random, 1.1, 1.5), 0))
                .add(Part.box(frame, frameDensity, -slide * 0.05, slideHeight / 2 + 1.0, slide * 0.85, 2.2, 0, 2.8))
                .add(Part.box(frame, frameDensity, gripU, gripV, gripLength, between(random, 2.8, 3.6), gripAngle,
                        3.0))
                .add(Part.box(STEEL, STEEL.density() * 0.55, gripU, gripV, gripLength * 0.9, 2.0, gripAngle, 2.2))
                .add(Part.box(frame, frameDensity, gripU + 4.5, slideHeight / 2 + 4.2, 4.5, 0.5, 0, 1.2))
                .add(Part.box(STEEL, STEEL.density(), gripU + 3.2, slideHeight / 2 + 2.7, 2.0, 0.5, 1.3, 0.8));
        if (chance(random, 0.3)) {
            pistol.add(Part.rod(STEEL, STEEL.density() * 0.5, slide / 2 + 6, 0, 12, 3.2, 0));
        }
        return pistol;
    }

    private static Silhouette rifle(SplittableRandom random) {
        double receiver = between(random, 20, 30);
        double receiverHeight = between(random, 4.5, 7);
        double barrel = between(random, 33, 55);
        boolean wooden = chance(random, 0.4);
        Material furniture = wooden ? Material.WOOD : Material.PLASTIC;
        double furnitureDensity = wooden ? 0.7 : 1.2;
        double stock = between(random, 24, 36);
        Silhouette rifle = new Silhouette()
                .add(Part.box(STEEL, STEEL.density() * between(random, 0.35, 0.6), 0, 0, receiver, receiverHeight, 0,
                        between(random, 3.5, 5)))
                .add(Part.rod(STEEL, STEEL.density(), receiver / 2 + barrel / 2, -0.5, barrel,
                        between(random, 1.6, 2.4), 0))
                .add(Part.box(furniture, furnitureDensity, receiver / 2 + between(random, 8, 14), 0.3,
                        between(random, 16, 28), between(random, 4, 6), 0, 5))
                .add(Part.box(furniture, furnitureDensity, -receiver / 2 - stock / 2 + 1, between(random, 0.5, 3),
                        stock, between(random, 7, 12), between(random, -0.12, 0.1), 4))
                .add(Part.box(furniture, furnitureDensity, -receiver / 4, receiverHeight / 2 + 5,
                        between(random, 9, 12), 3.5, Math.PI / 2 + between(random, 0.15, 0.35), 3.2));
        double magazineU = receiver / 4;
        if (chance(random, 0.5)) {
            double angle = Math.PI / 2 - 0.15;
            double v = receiverHeight / 2 + 3;
            for (int segment = 0; segment < 3; segment++) {
                rifle.add(Part.box(STEEL, STEEL.density() * 0.5, magazineU + segment * 2.2, v, 7.5, 3.6, angle, 2.6));
                v += 6.5;
                angle -= 0.22;
            }
        } else {
            double length = between(random, 17, 25);
            rifle.add(Part.box(STEEL, STEEL.density() * 0.45, magazineU + 1, receiverHeight / 2 + length / 2, length,
                    between(random, 2.6, 3.4), Math.PI / 2 - between(random, 0, 0.15), 2.4));
        }
        if (chance(random, 0.35)) {
            rifle.add(Part.rod(Material.ALUMINIUM, 2.7 * 0.35, 0, -receiverHeight / 2 - 3.5, between(random, 22, 35),
                    between(random, 3, 4.5), 0));
        } else {
            rifle.add(Part.rod(STEEL, STEEL.density() * 0.4, receiver / 2 + barrel / 3, -2.2, barrel * 0.6, 1.3, 0));
        }
        return rifle;
    }

    private static Silhouette shotgun(SplittableRandom random) {
        double barrel = between(random, 45, 70);
        double receiver = between(random, 18, 24);
        return new Silhouette()
                .add(Part.box(STEEL, STEEL.density() * 0.5, 0, 0, receiver, between(random, 5, 6.5), 0, 4))
                .add(Part.rod(STEEL, STEEL.density() * 0.75, receiver / 2 + barrel / 2, -1, barrel, 2.2, 0))
                .add(Part.rod(STEEL, STEEL.density() * 0.5, receiver / 2 + barrel * 0.35, 1.6, barrel * 0.7, 2.2, 0))
                .add(Part.box(Material.WOOD, 0.7, receiver / 2 + 14, 2.5, between(random, 15, 22), 4.5, 0, 5))
                .add(Part.box(Material.WOOD, 0.7, -receiver / 2 - 16, 2, between(random, 28, 36), 10,
                        between(random, -0.15, 0.05), 4));
    }

    private static Silhouette submachineGun(SplittableRandom random) {
        double receiver = between(random, 18, 28);
        Silhouette gun = new Silhouette()
                .add(Part.box(STEEL, STEEL.density() * 0.5, 0, 0, receiver, between(random, 4, 6), 0, 4))
                .add(Part.rod(STEEL, STEEL.density(), receiver / 2 + 7, -0.5, between(random, 10, 22), 1.8, 0))
                .add(Part.box(STEEL, STEEL.density() * 0.45, receiver / 5, between(random, 12, 16),
                        between(random, 18, 26), 3, Math.PI / 2 - between(random, 0, 0.1), 2.4))
                .add(Part.box(Material.PLASTIC, 1.2, -receiver / 4, 7, 10, 3.4, Math.PI / 2 + 0.25, 3.2));
        if (chance(random, 0.6)) {
            gun.add(Part.rod(STEEL, STEEL.density(), -receiver / 2 - 12, -0.5, 24, 1.2, 0))
                    .add(Part.rod(STEEL, STEEL.density(), -receiver / 2 - 12, 3.0, 24, 1.2, 0));
        }
        return gun;
    }

    private static List<Solid> grenades(SplittableRandom random) {
        int count = intBetween(random, 1, 6);
        List<Solid> solids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double x = (i % 3) * 7.5 + between(random, -0.5, 0.5);
            double y = (i / 3) * 10.5 + between(random, -0.5, 0.5);
            double angle = between(random, -0.4, 0.4) + (chance(random, 0.5) ? Math.PI / 2 : 0);
            solids.add(new Ellipsoid(STEEL, STEEL.density() * between(random, 0.3, 0.45), x, y, 6, 9, 6, false, angle));
            solids.add(new Ellipsoid(Material.EXPLOSIVE, 1.6, x, y, 4.6, 7.4, 4.6, false, angle));
            double fuseX = x + 4.5 * Math.sin(angle);
            double fuseY = y - 4.5 * Math.cos(angle);
            solids.add(Rod.turned(STEEL, STEEL.density(), fuseX, fuseY, 3, 1.4, 0, angle + Math.PI / 2));
        }
        return solids;
    }

    /** A steel ammunition can full of cartridges (brass and lead, drawn as dense rods). */
    private static List<Solid> ammunitionCan(SplittableRandom random) {
        double width = between(random, 25, 32);
        double height = between(random, 16, 20);
        double depth = between(random, 10, 16);
        double angle = chance(random, 0.5) ? 0 : between(random, -0.6, 0.6);
        List<Solid> solids = new ArrayList<>(List.of(
                Cuboid.hollow(STEEL, STEEL.density(), 0, 0, width, height, angle, depth, 0.12)));
        double cartridge = between(random, 4, 8);
        double pitch = 1.3;
        double behindEachOther = depth / pitch;
        double brassAndLead = 8.5 * 0.5 * behindEachOther;
        double v = height / 2 - cartridge / 2 - 1;
        int columns = (int) ((width - 1) / pitch);
        for (int i = 0; i < columns; i++) {
            double u = -width / 2 + 0.9 + i * pitch;
            double x = u * Math.cos(angle) - v * Math.sin(angle);
            double y = u * Math.sin(angle) + v * Math.cos(angle);
            solids.add(Rod.turned(STEEL, brassAndLead, x, y, cartridge, 1.1, 0, angle + Math.PI / 2));
        }
        return solids;
    }
}
