package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.geometry.PixelGrid;
import org.opencustoms.scan.sim.geometry.Solid;
import org.opencustoms.scan.sim.physics.AttenuationAccumulator;
import org.opencustoms.scan.sim.physics.Beam;
import org.opencustoms.scan.sim.threats.PlacedThreat;

import java.util.List;

/** Turns a scene into per-pixel attenuation (-ln(I/I0), noise-free) for each beam. */
public final class SceneRenderer {

    private SceneRenderer() {
    }

    public static float[][] render(Scene scene, PixelGrid grid, List<? extends Beam> beams, boolean withThreats) {
        AttenuationAccumulator accumulator = new AttenuationAccumulator(grid, beams);
        draw(scene.structure(), grid, accumulator);
        draw(scene.cargo(), grid, accumulator);
        if (withThreats) {
            for (PlacedThreat threat : scene.threats()) {
                draw(threat.solids(), grid, accumulator);
            }
        }
        float[][] channels = new float[beams.size()][];
        for (int k = 0; k < channels.length; k++) {
            channels[k] = accumulator.channel(k);
        }
        return channels;
    }

    public static void draw(List<Solid> solids, PixelGrid grid, AttenuationAccumulator accumulator) {
        for (Solid solid : solids) {
            solid.rasterize(grid, accumulator);
        }
    }
}
