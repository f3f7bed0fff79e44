package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.chance;
import static org.opencustoms.scan.sim.Randoms.intBetween;
import static org.opencustoms.scan.sim.Randoms.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Palletised cartons: two pallets side by side across the container, rows of them along it. */
public final class PalletCargo implements CargoLoader {

    public static final PalletCargo INSTANCE = new PalletCargo();

    @Override
    public void load(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out) {
        double palletLength = pick(random, 100.0, 110.0, 114.0, 120.0, 120.0);
        double gap = between(random, 1, 8);
        int positions = (int) ((space.width() + gap) / (palletLength + gap));
        if (positions < 1) {
            return;
        }
        int loaded = Math.max(1, (int) Math.round(positions * between(random, 0.35, 1.0)));
        int first = chance(random, 0.5) ? 0 : positions - loaded;
        List<Goods> consignment = consignment(random);
        double rowDepth = DEPTH / 2 * between(random, 0.85, 0.99);
        for (int position = first; position < first + loaded; position++) {
            for (int row = 0; row < 2; row++) {
                if (chance(random, 0.08)) {
                    continue;
                }
                double x0 = space.x0() + position * (palletLength + gap) + between(random, 0, Math.min(4, gap));
                double x1 = Math.min(space.x1(), x0 + palletLength);
                palletStack(out, new Extent(x0, space.y0(), x1, space.y1()), rowDepth, pick(random, consignment),
                        random);
            }
        }
    }

    private static void palletStack(List<Solid> out, Extent column, double depth, Goods goods,
            SplittableRandom random) {
        double headroom = column.height() - Pallets.HEIGHT - 3;
        double deck = Pallets.base(out, column.x0(), column.x1(), column.y1(), depth, random);
        double height = between(random, Math.min(60, headroom), Math.min(headroom, 220));
        Cartons.stack(out, new Extent(column.x0(), deck - height, column.x1(), deck), depth, goods, random);
        double above = headroom - height - Pallets.HEIGHT;
        if (above > 50 && chance(random, 0.5)) {
            double upperDeck = Pallets.base(out, column.x0(), column.x1(), deck - height, depth, random);
            double upperHeight = between(random, 40, above);
            Cartons.stack(out, new Extent(column.x0(), upperDeck - upperHeight, column.x1(), upperDeck), depth,
                    goods, random);
        }
    }

    private static List<Goods> consignment(SplittableRandom random) {
        Goods[] all = Goods.values();
        List<Goods> chosen = new ArrayList<>();
        int kinds = intBetween(random, 1, 3);
        for (int i = 0; i < kinds; i++) {
            chosen.add(all[random.nextInt(all.length)]);
        }
        return chosen;
    }
}
