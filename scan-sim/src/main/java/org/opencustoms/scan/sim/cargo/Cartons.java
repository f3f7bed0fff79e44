package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.Randoms;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.Material;

import static org.opencustoms.scan.sim.Randoms.between;
import static org.opencustoms.scan.sim.Randoms.intBetween;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A block of stacked cartons as the beam sees it: each carton column along the beam becomes
 * one footprint with its cardboard faces, its edges (crossed lengthwise, so they show as thin
 * lines) and its goods.
 */
public final class Cartons {

    private static final double BOARD_DENSITY = 0.2;

    private Cartons() {
    }

    /**
     * @param block where the stack stands; its bottom edge is what it stands on
     * @param depth the stack's extent along the beam
     */
    public static void stack(List<Solid> out, Extent block, double depth, Goods goods, SplittableRandom random) {
        if (block.width() < 10 || block.height() < 10) {
            return;
        }
        int across = Math.max(1, (int) Math.round(block.width() / between(random, 25, 60)));
        int layers = Math.max(1, (int) Math.round(block.height() / between(random, 20, 50)));
        int alongBeam = Math.max(1, (int) Math.round(depth / between(random, 25, 60)));
        double width = block.width() / across;
        double height = block.height() / layers;
        double board = between(random, 0.4, 0.7);
        int onTop = intBetween(random, 1, across);
        for (int layer = 0; layer < layers; layer++) {
            int count = layer == layers - 1 ? onTop : across;
            for (int i = 0; i < count; i++) {
                double x0 = block.x0() + i * width + between(random, -0.5, 0.5);
                double y1 = block.y1() - layer * height;
                Extent carton = new Extent(x0, y1 - height + 0.2, x0 + width - 0.3, y1);
                carton(out, carton, depth, alongBeam, board, goods, random);
            }
        }
    }

    public static void carton(List<Solid> out, Extent carton, double depth, int alongBeam, double board, Goods goods,
            SplittableRandom random) {
        double x0 = carton.x0();
        double x1 = carton.x1();
        double y0 = carton.y0();
        double y1 = carton.y1();
        Material cardboard = Material.CARDBOARD;
        out.add(Cuboid.between(cardboard, BOARD_DENSITY, x0, y0, x1, y1, 2 * alongBeam * board));
        out.add(Cuboid.between(cardboard, BOARD_DENSITY, x0, y0, x0 + board, y1, depth));
        out.add(Cuboid.between(cardboard, BOARD_DENSITY, x1 - board, y0, x1, y1, depth));
        out.add(Cuboid.between(cardboard, BOARD_DENSITY, x0 + board, y0, x1 - board, y0 + board, depth));
        out.add(Cuboid.between(cardboard, BOARD_DENSITY, x0 + board, y1 - board, x1 - board, y1, depth));
        Extent inside = carton.inset(board + 0.3);
        if (inside.width() > 1 && inside.height() > 1) {
            double content = depth - 2 * alongBeam * board;
            if (alongBeam > 1) {
                goods.fill(out, inside, content / 2, random);
                goods.fill(out, inside, content / 2, random);
            } else {
                goods.fill(out, inside, content, random);
            }
        }
    }
}
