package org.opencustoms.scan.sim.physics;

import org.opencustoms.scan.sim.geometry.PixelGrid;

import org.opencustoms.scan.imaging.Image16;

import java.util.SplittableRandom;

/**
 * From noise-free attenuation to recorded counts: Beer-Lambert with the detector's gain
 * residues, scatter, the detector blur (on intensity, as the physics has it), then noise - Gaussian
 * with variance I plus read-out noise for integrating X-ray detectors, true Poisson draws for
 * photon-counting gamma detectors - rounded and clipped to 16 bits.
 */
public final class Detector {

    private static final int MAX_COUNT = 65_535;

    private Detector() {
    }

    /** Exposes the attenuation map; the array is reused as working memory. */
    public static Image16 expose(float[] attenuation, PixelGrid grid, ScannerModel scanner, int i0,
            SplittableRandom random) {
        int width = grid.width();
        int height = grid.height();
        double[] rowGain = gains(random, height, scanner.rowGainSpread());
        double[] columnGain = gains(random, width, scanner.columnGainSpread());
        float[] intensity = attenuation;
        for (int row = 0; row < height; row++) {
            double rowCounts = i0 * rowGain[row];
            int start = row * width;
            for (int column = 0; column < width; column++) {
                float a = attenuation[start + column];
                double transmission = a == 0 ? 1 : Math.exp(-a);
                intensity[start + column] = (float) (rowCounts * columnGain[column] * transmission);
            }
        }
        addScatter(intensity, width, height, scanner.scatterFraction());
        GaussianBlur.apply(intensity, width, height, scanner.blurSigmaCm() / grid.pitchX(),
                scanner.blurSigmaCm() / grid.pitchY());
        char[] pixels = new char[width * height];
        double readNoise = scanner.electronicNoise() * scanner.electronicNoise();
        for (int i = 0; i < pixels.length; i++) {
            double mean = Math.max(0, intensity[i]);
            double counts = scanner.photonCounting()
                    ? PoissonSampler.sample(random, mean)
                    : mean + Math.sqrt(mean + readNoise) * random.nextGaussian();
            pixels[i] = (char) Math.max(0, Math.min(MAX_COUNT, Math.round(counts)));
        }
        return new Image16(width, height, pixels);
    }

    private static void addScatter(float[] intensity, int width, int height, double fraction) {
        if (fraction <= 0) {
            return;
        }
        for (int column = 0; column < width; column++) {
            double sum = 0;
            for (int row = 0; row < height; row++) {
                sum += intensity[row * width + column];
            }
            float haze = (float) (fraction * sum / height);
            for (int row = 0; row < height; row++) {
                intensity[row * width + column] += haze;
            }
        }
    }

    private static double[] gains(SplittableRandom random, int count, double spread) {
        double[] gains = new double[count];
        for (int i = 0; i < count; i++) {
            gains[i] = spread > 0 ? 1 + spread * random.nextGaussian() : 1;
        }
        return gains;
    }
}
