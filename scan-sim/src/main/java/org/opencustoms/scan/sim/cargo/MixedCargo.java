package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.intBetween;

import java.util.List;
import java.util.SplittableRandom;

/** A consolidated load: two to four sections along the container, each of another kind. */
public final class MixedCargo implements CargoLoader {

    public static final MixedCargo INSTANCE = new MixedCargo();
    private static final List<CargoKind> SECTIONS = List.of(
            CargoKind.PALLETS, CargoKind.PALLETS, CargoKind.BULK, CargoKind.MACHINERY, CargoKind.DRUMS,
            CargoKind.GARMENTS);

    @Override
    public void load(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        int sections = Math.max(1, Math.min(intBetween(random, 2, 4), (int) (space.width() / 130)));
        double[] weights = new double[sections];
        double total = 0;
        for (int i = 0; i < sections; i++) {
            weights[i] = between(random, 0.5, 1.5);
            total += weights[i];
        }
        double x = space.x0();
        for (int i = 0; i < sections; i++) {
            double width = space.width() * weights[i] / total;
            double gap = between(random, 0, 30);
            Extent section = new Extent(x, space.y0(), Math.max(x + 1, x + width - gap), space.y1());
            Randoms.pick(random, SECTIONS).loader().load(section, payloadGrams * weights[i] / total, random, out);
            x += width;
        }
    }
}
