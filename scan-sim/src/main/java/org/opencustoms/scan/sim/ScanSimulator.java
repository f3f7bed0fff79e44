package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.cargo.CargoKind;
import org.opencustoms.scan.sim.geometry.PixelGrid;
import org.opencustoms.scan.sim.physics.Detector;
import org.opencustoms.scan.sim.threats.ThreatBox;

import org.opencustoms.scan.imaging.Image16;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates cargo container scans. Stateless and thread-safe: scan i of a set depends only on
 * the options, the set's seed and i, so scans can be made in any order or in parallel and come
 * out bit-identical. The scene does not depend on the scale, so a small scan shows the same
 * container as the full-size one.
 */
public final class ScanSimulator {

    /** A scan decided but not yet rendered. */
    public record Plan(long seed, ScanSetup setup, Scene scene, SplittableRandom noise) {
    }

    private final SimulationOptions options;

    public ScanSimulator(SimulationOptions options) {
        this.options = options;
    }

    public SimulationOptions options() {
        return options;
    }

    public SimulatedScan simulate(long seed, int index) {
        Plan plan = plan(seed, index);
        ScanSetup setup = plan.setup();
        Scene scene = plan.scene();
        PixelGrid grid = setup.grid();
        boolean projectThreats = options.threatProjection();
        float[][] attenuation = SceneRenderer.render(scene, grid, setup.beams(), projectThreats);
        Image16 image = Detector.expose(attenuation[0], grid, setup.scanner(), setup.i0(), plan.noise().split());
        Image16 lowEnergy = attenuation.length > 1
                ? Detector.expose(attenuation[1], grid, setup.scanner(), setup.i0(), plan.noise().split())
                : null;

        List<ThreatBox> threats = projectThreats
                ? scene.threats().stream().map(t -> new ThreatBox(t.kind(), grid.pixelsOf(t.extent()))).toList()
                : List.of();
        boolean threat = !threats.isEmpty();
        boolean empty = setup.cargo() == CargoKind.NONE && !threat;
        return new SimulatedScan(index, plan.seed(), setup.modality(), setup.sourceLabel(), setup.i0(), image,
                lowEnergy, setup.container().size(), setup.cargo(), grid.pixelsOf(scene.cargoSpace()), empty, threat,
                threats);
    }

    /** Draws everything about a scan except its noise; the random streams are split in a fixed order. */
    public Plan plan(long seed, int index) {
        long scanSeed = ScanSeeds.forScan(seed, index);
        SplittableRandom root = new SplittableRandom(scanSeed);
        ScanSetup setup = ScanSetup.draw(options, root);
        SplittableRandom structureRandom = root.split();
        SplittableRandom cargoRandom = root.split();
        SplittableRandom threatRandom = root.split();
        SplittableRandom noiseRandom = root.split();
        Scene scene = SceneComposer.compose(setup, structureRandom, cargoRandom, threatRandom);
        return new Plan(scanSeed, setup, scene, noiseRandom);
    }
}
