package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Ellipsoid;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;
import static org.opencustoms.scan.sim.Randoms.intBetween;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Bulk goods: a loose fill in a liner, stacked sacks, big bags or a flexitank of liquid. Heavy
 * products fill only as much of the container as the payload allows.
 */
public final class BulkCargo implements CargoLoader {

    public static final BulkCargo INSTANCE = new BulkCargo();

    /** A bulk product: material and the range of its bulk density (g/cm^3). */
    private record Product(Material material, double lowDensity, double highDensity) {
        double draw(SplittableRandom random) {
            return between(random, lowDensity, highDensity);
        }
    }

    private static final List<Product> LOOSE = List.of(
            new Product(Material.ORGANIC, 0.55, 0.85),   // grain, sugar, coffee beans
            new Product(Material.CONCRETE, 1.3, 1.7),   // sand, gravel
            new Product(Material.PLASTIC, 0.5, 0.65),   // resin pellets
            new Product(Material.CONCRETE, 0.9, 1.2),   // fertiliser, minerals
            new Product(Material.WOOD, 0.2, 0.35));     // wood chips
    private static final List<Product> SACKED = List.of(
            new Product(Material.ORGANIC, 0.6, 0.9),    // rice, flour, sugar
            new Product(Material.CONCRETE, 1.1, 1.4),   // cement
            new Product(Material.CONCRETE, 0.9, 1.1),   // fertiliser
            new Product(Material.PLASTIC, 0.5, 0.6));   // pellets

    @Override
    public void load(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        double roll = random.nextDouble();
        if (roll < 0.35) {
            looseFill(space, payloadGrams, random, out);
        } else if (roll < 0.65) {
            sacks(space, payloadGrams, random, out);
        } else if (roll < 0.85) {
            bigBags(space, payloadGrams, random, out);
        } else {
            flexitank(space, payloadGrams, random, out);
        }
    }

    /** The height of a full-length, full-width fill of this density that the payload allows. */
    private static double heightAllowed(double payloadGrams, double length, double depth, double density) {
        return payloadGrams / (length * depth * density);
    }

    private static void looseFill(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        Product product = LOOSE.get(random.nextInt(LOOSE.size()));
        double density = product.draw(random);
        double depth = DEPTH * between(random, 0.9, 1.0);
        double allowed = heightAllowed(payloadGrams, space.width(), depth, density);
        double meanHeight = Math.min(space.height() * between(random, 0.3, 0.95), allowed * between(random, 0.7, 1));
        int samples = intBetween(random, 16, 64);
        double[] surface = new double[samples];
        double drift = 0;
        for (int i = 0; i < samples; i++) {
            drift = 0.8 * drift + between(random, -1, 1) * meanHeight * 0.05;
            surface[i] = Math.max(space.y0() + 2, space.y1() - meanHeight + drift);
        }
        double slope = between(random, 0.5, 0.75);
        double length = space.width();
        for (int i = 0; i < samples; i++) {
            double fromEnd = Math.min(i, samples - 1 - i) * length / (samples - 1);
            surface[i] = Math.max(surface[i], space.y1() - fromEnd * slope - 5);
        }
        HeapFill heap = new HeapFill(product.material(), density, space.x0(), space.x1(), space.y1(), surface, depth);
        out.add(heap);
        int lumps = intBetween(random, 10, 40);
        for (int i = 0; i < lumps; i++) {
            double width = between(random, 10, 120);
            double height = between(random, 10, 50);
            double x = between(random, space.x0() + width / 2, space.x1() - width / 2);
            double top = Math.max(heap.surfaceAt(x), Math.max(heap.surfaceAt(x - width / 2),
                    heap.surfaceAt(x + width / 2)));
            if (space.y1() - top < height + 2) {
                continue;
            }
            double y = between(random, top + height / 2, space.y1() - height / 2);
            out.add(new Ellipsoid(product.material(), density * between(random, 0.05, 0.2), x, y, width, height,
                    between(random, 40, 180), false, 0));
        }
    }

    /** Sacks stacked in a bond; each row across the container has its own offsets, so seams blur. */
    private static void sacks(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        Product product = SACKED.get(random.nextInt(SACKED.size()));
        double density = product.draw(random);
        double length = between(random, 45, 75);
        double height = between(random, 10, 18);
        double stackLength = space.width() * between(random, 0.5, 1.0);
        double allowed = heightAllowed(payloadGrams, stackLength, DEPTH * 0.85, density);
        double stackHeight = Math.min(space.height() * between(random, 0.35, 0.9), allowed);
        double start = chance(random, 0.5) ? space.x0() : space.x1() - stackLength;
        int layers = (int) (stackHeight / height);
        int rows = intBetween(random, 3, 5);
        double rowDepth = DEPTH / rows * between(random, 0.85, 0.95);
        for (int row = 0; row < rows; row++) {
            double rowShift = between(random, 0, length);
            for (int layer = 0; layer < layers; layer++) {
                double y = space.y1() - (layer + 0.5) * height;
                double offset = (layer % 2 == 0 ? 0 : length / 2) + rowShift;
                for (double x = start + offset - length; x < start + stackLength; x += length + between(random, 0, 3)) {
                    double x0 = Math.max(start, x);
                    double x1 = Math.min(start + stackLength, x + length);
                    if (x1 - x0 < length / 3) {
                        continue;
                    }
                    out.add(new Ellipsoid(product.material(), density * between(random, 0.93, 1.07), (x0 + x1) / 2, y,
                            x1 - x0, height * 1.15, rowDepth, true, between(random, -0.04, 0.04)));
                }
            }
        }
    }

    private static void bigBags(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        Product product = chance(random, 0.5) ? SACKED.get(random.nextInt(SACKED.size()))
                : LOOSE.get(random.nextInt(LOOSE.size()));
        double density = product.draw(random);
        double width = between(random, 90, 110);
        double height = Math.min(space.height() - 5, between(random, 90, 125));
        double bagDepth = DEPTH / 2 * between(random, 0.85, 0.98);
        double bagGrams = width * height * bagDepth * density * 0.75;
        int tiers = height * 2 + 10 < space.height() && chance(random, 0.4) ? 2 : 1;
        int count = (int) (space.width() * between(random, 0.5, 1.0) / (width + 5));
        count = Math.min(count, (int) (payloadGrams / (bagGrams * 2 * tiers)));
        for (int i = 0; i < count; i++) {
            double x = space.x0() + i * (width + 5) + width / 2 + 2;
            for (int tier = 0; tier < tiers; tier++) {
                for (int row = 0; row < 2; row++) {
                    if (chance(random, 0.1)) {
                        continue;
                    }
                    double bagHeight = height * between(random, 0.85, 1.0);
                    double y = space.y1() - tier * height - bagHeight / 2;
                    out.add(new Ellipsoid(product.material(), density * between(random, 0.9, 1.1),
                            x + between(random, -4, 4), y, width * between(random, 0.9, 1.05), bagHeight, bagDepth,
                            true, 0));
                }
            }
        }
    }

    private static void flexitank(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        double density = between(random, 0.85, 1.05);
        double length = space.width() * between(random, 0.85, 0.98);
        double depth = DEPTH * between(random, 0.9, 0.97);
        double allowed = heightAllowed(payloadGrams, length * 0.8, depth * 0.8, density);
        double height = Math.min(Math.min(space.height() - 10, between(random, 100, 160)), allowed);
        double x = space.centerX() + between(random, -0.5, 0.5) * (space.width() - length);
        out.add(new Ellipsoid(Material.WATER, density, x, space.y1() - height / 2, length, height, depth, true, 0));
        out.add(Cuboid.between(Material.WOOD, 0.6, space.x0() + between(random, 0, 10), space.y1() - height - 20,
                space.x0() + between(random, 12, 20), space.y1(), DEPTH));
    }
}
