package org.opencustoms.scan.sim.physics;

import org.opencustoms.scan.sim.geometry.PixelGrid;
import org.opencustoms.scan.sim.geometry.Solid;

import java.util.List;

/**
 * Sums mu * rho * path per pixel and energy channel. Solids report path lengths only; the
 * accumulator turns them into attenuation for every beam at once, so dual energy costs one
 * rasterisation.
 */
public final class AttenuationAccumulator {

    /** Below this attenuation the partial-pixel formula equals f a within 0.1 %. */
    private static final double LINEAR_LIMIT = 0.005;
    /** Coverage computed as 1 can come out a hair below it; treat that as full. */
    private static final double FULL_COVERAGE = 1 - 1e-9;

    private final List<? extends Beam> beams;
    private final float[][] channels;
    private final float[] weights;

    public AttenuationAccumulator(PixelGrid grid, List<? extends Beam> beams) {
        this.beams = List.copyOf(beams);
        this.channels = new float[beams.size()][grid.width() * grid.height()];
        this.weights = new float[beams.size()];
    }

    public void select(Solid solid) {
        for (int k = 0; k < weights.length; k++) {
            weights[k] = (float) (beams.get(k).massAttenuation(solid.material()) * solid.density());
        }
    }

    public void add(int pixel, double pathCm) {
        float path = (float) pathCm;
        for (int k = 0; k < channels.length; k++) {
            channels[k][pixel] += weights[k] * path;
        }
    }

    /**
     * Adds a solid that covers only part of a pixel. The detector averages intensity, not
     * attenuation, so the pixel gets -ln(1 - f + f e^-a) rather than f a: a thin opaque plate
     * over a fifth of a pixel dims it by a fifth instead of blackening it. Exact when what else
     * the pixel sees is uniform across it.
     */
    public void add(int pixel, double pathCm, double coverage) {
        if (coverage >= FULL_COVERAGE) {
            add(pixel, pathCm);
            return;
        }
        for (int k = 0; k < channels.length; k++) {
            double full = weights[k] * pathCm;
            double partial = Math.abs(full) < LINEAR_LIMIT ? coverage * full
                    : -Math.log(1 - coverage + coverage * Math.exp(-full));
            channels[k][pixel] += (float) partial;
        }
    }

    public float[] channel(int index) {
        return channels[index];
    }
}
