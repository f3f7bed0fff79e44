package org.opencustoms.scan.sim.physics;

import java.util.Arrays;

/** Separable Gaussian blur with edge clamping, in place. */
public final class GaussianBlur {

    /** Below this spread (pixels) the blur is a no-op for all practical purposes. */
    private static final double NEGLIGIBLE_SIGMA = 0.3;

    private GaussianBlur() {
    }

    public static void apply(float[] data, int width, int height, double sigmaX, double sigmaY) {
        if (sigmaX >= NEGLIGIBLE_SIGMA) {
            horizontal(data, width, height, kernel(sigmaX));
        }
        if (sigmaY >= NEGLIGIBLE_SIGMA) {
            vertical(data, width, height, kernel(sigmaY));
        }
    }

    public static float[] kernel(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double value = Math.exp(-(i * i) / (2 * sigma * sigma));
            kernel[i + radius] = (float) value;
            sum += value;
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        return kernel;
    }

    private static void horizontal(float[] data, int width, int height, float[] kernel) {
        int radius = kernel.length / 2;
        float[] padded = new float[width + 2 * radius];
        for (int row = 0; row < height; row++) {
            int start = row * width;
            System.arraycopy(data, start, padded, radius, width);
            for (int i = 0; i < radius; i++) {
                padded[i] = data[start];
                padded[radius + width + i] = data[start + width - 1];
            }
            for (int column = 0; column < width; column++) {
                float sum = 0;
                for (int k = 0; k < kernel.length; k++) {
                    sum += kernel[k] * padded[column + k];
                }
                data[start + column] = sum;
            }
        }
    }

    private static void vertical(float[] data, int width, int height, float[] kernel) {
        int radius = kernel.length / 2;
        float[] source = data.clone();
        for (int row = 0; row < height; row++) {
            int target = row * width;
            Arrays.fill(data, target, target + width, 0f);
            for (int k = 0; k < kernel.length; k++) {
                int from = Math.max(0, Math.min(height - 1, row + k - radius)) * width;
                float weight = kernel[k];
                for (int column = 0; column < width; column++) {
                    data[target + column] += weight * source[from + column];
                }
            }
        }
    }
}
