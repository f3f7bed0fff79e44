package org.opencustoms.scan.sim;

import java.util.List;
import java.util.SplittableRandom;

/** Lays out one kind of cargo inside a part of the container. */
interface CargoLoader {

    /** Inner width of the container: how far the beam can travel through cargo. */
    double DEPTH = ContainerGeometry.INNER_DEPTH;

    /**
     * @param space where the cargo may go; its bottom edge is the floor
     * @param payloadGrams the most the cargo may weigh (dense goods fill only part of a container)
     */
    void load(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out);
}
