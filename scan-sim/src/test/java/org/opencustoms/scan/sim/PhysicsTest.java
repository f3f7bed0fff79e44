package org.opencustoms.scan.sim;

import org.opencustoms.scan.sim.cargo.CargoKind;
import org.opencustoms.scan.sim.geometry.Cuboid;
import org.opencustoms.scan.sim.geometry.Extent;
import org.opencustoms.scan.sim.geometry.PixelGrid;
import org.opencustoms.scan.sim.physics.Beam;
import org.opencustoms.scan.sim.physics.Detector;
import org.opencustoms.scan.sim.physics.GammaSource;
import org.opencustoms.scan.sim.physics.LinacBeam;
import org.opencustoms.scan.sim.physics.Material;
import org.opencustoms.scan.sim.physics.ScannerModel;

import org.opencustoms.scan.imaging.Image16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PhysicsTest {

    @Test
    void coefficientsMatchNistAtGammaLines() {
        assertEquals(0.0535, GammaSource.CO60.massAttenuation(Material.STEEL), 0.0535 * 0.02);
        assertEquals(0.0632, GammaSource.CO60.massAttenuation(Material.WATER), 0.0632 * 0.02);
        assertEquals(0.0861, GammaSource.CS137.massAttenuation(Material.WATER), 0.0861 * 0.03);
        assertEquals(0.114, GammaSource.CS137.massAttenuation(Material.LEAD), 0.114 * 0.05);
        assertEquals(0.07072, Material.WATER.massAttenuation(1.0), 1e-4);
    }

    @Test
    void linacPenetratesThirtyToFortyCentimetresOfSteel() {
        for (double endpoint : new double[] {6, 9}) {
            double perCm = LinacBeam.of(endpoint).massAttenuation(Material.STEEL) * Material.STEEL.density();
            double depthAtFullDynamicRange = Math.log(SimulationOptions.DEFAULT_XRAY_I0) / perCm;
            assertTrue(depthAtFullDynamicRange > 28 && depthAtFullDynamicRange < 45, "endpoint " + endpoint
                    + " MeV sees " + depthAtFullDynamicRange + " cm of steel");
        }
    }

    @Test
    void dualEnergyRatioSeparatesOrganicFromMetal() {
        for (double[] pair : new double[][] {{6, 4}, {9, 6}}) {
            double organic = ratio(pair, Material.ORGANIC);
            double steel = ratio(pair, Material.STEEL);
            double lead = ratio(pair, Material.LEAD);
            assertTrue(organic > steel && steel > lead, "ratios " + organic + " " + steel + " " + lead);
            assertTrue(organic - lead > 0.05, "organic and lead too close: " + organic + " vs " + lead);
        }
    }

    private static double ratio(double[] pair, Material material) {
        return LinacBeam.of(pair[1]).massAttenuation(material) / LinacBeam.of(pair[0]).massAttenuation(material);
    }

    @Test
    void steelSlabFollowsBeerLambert() {
        PixelGrid grid = new PixelGrid(200, 100, 0.5, 0.5);
        Beam beam = LinacBeam.of(6);
        double thickness = 12;
        Scene scene = new Scene(null, new Extent(0, 0, 100, 50), CargoKind.NONE,
                List.of(Cuboid.of(Material.STEEL, 20.25, 10, 80, 40, thickness)), List.of(), List.of());
        float[] attenuation = SceneRenderer.render(scene, grid, List.of(beam), false)[0];
        double expected = beam.massAttenuation(Material.STEEL) * Material.STEEL.density() * thickness;
        assertEquals(expected, attenuation[50 * 200 + 100], 1e-5 * expected);
        assertEquals(0, attenuation[5 * 200 + 5]);
        double halfCovered = -Math.log(0.5 + 0.5 * Math.exp(-expected));
        assertEquals(halfCovered, attenuation[50 * 200 + 40], 1e-5, "half a pixel behind the slab, half open");

        int i0 = 60_000;
        Image16 image = Detector.expose(attenuation, grid, ScannerModel.xray(), i0, new SplittableRandom(1));
        double sum = 0;
        int count = 0;
        for (int y = 30; y < 70; y++) {
            for (int x = 60; x < 140; x++) {
                sum += image.get(x, y);
                count++;
            }
        }
        double measured = -Math.log(sum / count / i0);
        assertEquals(expected, measured, 0.01 * expected, "mean attenuation over the slab after noise");
    }

    @Test
    void openBeamReadsAboutI0() {
        SimulatedScan scan = new ScanSimulator(SimulationOptions.defaults().withScale(0.25).withEmptyRate(0))
                .simulate(5, 1);
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int y = 0; y < scan.height(); y++) {
            for (int x = 0; x < 8; x++) {
                double value = scan.image().get(x, y);
                sum += value;
                squares += value * value;
                count++;
            }
        }
        double mean = sum / count;
        double spread = Math.sqrt(squares / count - mean * mean);
        assertEquals(scan.i0(), mean, 0.01 * scan.i0());
        assertTrue(spread > 0.5 * Math.sqrt(scan.i0()) && spread < 0.02 * scan.i0(), "noise " + spread);
    }
}
