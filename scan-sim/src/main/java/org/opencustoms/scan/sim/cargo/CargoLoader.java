package org.opencustoms.scan.sim.cargo;

import org.opencustoms.scan.sim.geometry.ContainerGeometry;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.Solid;

import java.util.List;
import java.util.SplittableRandom;

/** Lays out one kind of cargo inside a part of the container. */
public interface CargoLoader {

    /** Inner width of the container: how far the beam can travel through cargo. */
    public double DEPTH = ContainerGeometry.INNER_DEPTH;

    /**
     * @param space where the cargo may go; its bottom edge is the floor
     * @param payloadGrams the most the cargo may weigh (dense goods fill only part of a container)
     */
    public void load(Extent space, double payloadGrams, SplittableRandom random, List<Solid> out);
}
