package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Rod;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Liquids in drums standing on pallets (four drums across the container, two along each pallet)
 * or in IBC totes (a plastic bottle in a steel cage).
 */
public final class DrumCargo implements CargoLoader {

    public static final DrumCargo INSTANCE = new DrumCargo();

    /** Drum sizes: radius, height, wall and material. */
    private record DrumType(double radius, double height, double wall, Material shell) {
    }

    private static final List<DrumType> DRUMS = List.of(
            new DrumType(29.2, 88, 0.12, Material.STEEL),   // 200 l steel
            new DrumType(29.0, 93, 0.5, Material.PLASTIC),  // 220 l HDPE
            new DrumType(20.0, 60, 0.1, Material.STEEL));   // 60 l steel

    @Override
    public void load(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        if (chance(random, 0.3)) {
            totes(space, payloadGrams, random, out);
        } else {
            drums(space, payloadGrams, random, out);
        }
    }

    private static void drums(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        DrumType type = DRUMS.get(random.nextInt(DRUMS.size()));
        double liquid = between(random, 0.8, 1.3);
        double drumGrams = Math.PI * type.radius() * type.radius() * type.height() * 0.9 * liquid;
        int drumsLeft = (int) (payloadGrams / drumGrams);
        double palletLength = 4 * type.radius() + 4;
        double used = space.width() * between(random, 0.4, 1.0);
        double tier = Pallets.HEIGHT + type.height() + 2;
        int tiers = space.height() > 2 * tier + 5 && chance(random, 0.6) ? 2 : 1;
        for (double x0 = space.x0(); x0 + palletLength <= space.x0() + used; x0 += palletLength + between(random, 1, 10)) {
            for (int row = 0; row < 2; row++) {
                for (int level = 0; level < tiers; level++) {
                    if (chance(random, 0.07) || drumsLeft < 4) {
                        continue;
                    }
                    drumsLeft -= 4;
                    double floor = space.y1() - level * tier;
                    double deck = Pallets.base(out, x0, x0 + palletLength, floor, DEPTH / 2 * 0.95, random);
                    for (int i = 0; i < 4; i++) {
                        double x = x0 + type.radius() + 1 + (i % 2) * (2 * type.radius() + 2) + between(random, -2, 2);
                        drum(out, type, x, deck, liquid * between(random, 0.98, 1.02), random);
                    }
                }
            }
        }
    }

    private static void drum(List<Solid> out, DrumType type, double x, double bottom, double liquidDensity,
            SplittableRandom random) {
        double r = type.radius();
        double top = bottom - type.height();
        Material shell = type.shell();
        out.add(Rod.upright(shell, shell.density(), x, top, bottom, r, r - type.wall()));
        out.add(Rod.upright(shell, shell.density(), x, top, top + type.wall() + 0.1, r - type.wall(), 0));
        out.add(Rod.upright(shell, shell.density(), x, bottom - type.wall() - 0.1, bottom, r - type.wall(), 0));
        if (shell == Material.STEEL) {
            for (double hoop : new double[] {1.0 / 3, 2.0 / 3}) {
                double y = top + hoop * type.height();
                out.add(Rod.upright(shell, shell.density(), x, y - 1, y + 1, r + 0.6, r));
            }
        }
        double fill = type.height() * between(random, 0.85, 0.97);
        out.add(Rod.upright(Material.WATER, liquidDensity, x, bottom - fill, bottom - type.wall(), r - type.wall(), 0));
    }

    /** 1000 l IBC totes, two across the container. */
    private static void totes(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        double liquid = between(random, 0.85, 1.3);
        double length = 100;
        double height = 116;
        int totesLeft = (int) (payloadGrams / (1.0e6 * liquid * 0.9));
        double used = space.width() * between(random, 0.4, 1.0);
        int tiers = space.height() > 2 * height + 5 && chance(random, 0.5) ? 2 : 1;
        for (double x0 = space.x0(); x0 + length <= space.x0() + used; x0 += length + between(random, 1, 8)) {
            for (int level = 0; level < tiers && totesLeft > 0; level++) {
                totesLeft--;
                double bottom = space.y1() - level * height;
                tote(out, x0, bottom, length, height, liquid, random);
            }
        }
    }

    private static void tote(List<Solid> out, double x0, double bottom, double length, double height,
            double liquidDensity, SplittableRandom random) {
        double across = 2 * 118;
        double cage = bottom - 14;
        out.add(Cuboid.between(Material.STEEL, 7.85, x0, cage, x0 + length, bottom, 2 * 2 * 0.4));
        out.add(Cuboid.between(Material.PLASTIC, 0.95, x0 + 2, bottom - height + 4, x0 + length - 2, cage,
                2 * 2 * 0.2));
        double fill = (height - 18) * between(random, 0.5, 0.98);
        out.add(Cuboid.between(Material.WATER, liquidDensity, x0 + 2.2, cage - fill, x0 + length - 2.2, cage,
                across * 0.92));
        double barRadius = 1.0;
        for (double x = x0 + 2; x < x0 + length; x += 16) {
            out.add(Rod.upright(Material.STEEL, 2 * 7.85, x, bottom - height, cage, barRadius, 0.8));
        }
        for (double y = cage - 14; y > bottom - height; y -= 20) {
            out.add(Rod.lying(Material.STEEL, 2 * 7.85, x0, x0 + length, y, barRadius, 0.8));
        }
    }
}
