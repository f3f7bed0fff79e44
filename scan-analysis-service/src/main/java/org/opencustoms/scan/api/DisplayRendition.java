package org.opencustoms.scan.api;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An 8-bit grayscale PNG of one energy channel for the inspectors' tablets: box-downscaled while the
 * raw payload streams past (one source row in memory), then shown as attenuation so that air is
 * white and dense cargo dark, with the window set by the image's own 99.5th percentile.
 */
final class DisplayRendition {

    private static final double WINDOW_PERCENTILE = 0.995;
    private static final double MIN_WINDOW = 0.5;

    /** The largest rendition drawn: 16 megapixels, 64 MB of working floats. */
    static final long MAX_PIXELS = 4096L * 4096L;

    private DisplayRendition() {
    }

    /** Reads one channel of {@code width x height} little-endian 16-bit pixels and renders it at most {@code targetWidth} wide. */
    static byte[] renderPng(InputStream raw, int width, int height, int airValue, int targetWidth) throws IOException {
        int factor = factor(width, height, targetWidth);
        int outWidth = (width + factor - 1) / factor;
        int outHeight = (height + factor - 1) / factor;
        float[] attenuation = new float[outWidth * outHeight];
        long[] sums = new long[outWidth];
        int[] counts = new int[outWidth];
        byte[] row = new byte[width * 2];
        for (int y = 0; y < height; y++) {
            if (raw.readNBytes(row, 0, row.length) != row.length) {
                throw new EOFException("the stored payload ends before row " + y);
            }
            for (int x = 0; x < width; x++) {
                int value = (row[2 * x] & 0xff) | (row[2 * x + 1] & 0xff) << 8;
                sums[x / factor] += value;
                counts[x / factor]++;
            }
            if ((y + 1) % factor == 0 || y == height - 1) {
                int outY = y / factor;
                for (int x = 0; x < outWidth; x++) {
                    double mean = Math.max(1.0, (double) sums[x] / counts[x]);
                    attenuation[outY * outWidth + x] = (float) Math.max(0.0, -Math.log(mean / airValue));
                }
                Arrays.fill(sums, 0);
                Arrays.fill(counts, 0);
            }
        }
        return encode(toGray(attenuation, outWidth, outHeight));
    }

    /**
     * How many stored pixels each displayed pixel sums, per side: enough for the width asked for, and enough
     * that the rendition has at most {@link #MAX_PIXELS}, however tall a stored scan is.
     */
    static int factor(int width, int height, int targetWidth) {
        int forWidth = Math.max(1, (width + targetWidth - 1) / targetWidth);
        int forPixels = (int) Math.ceil(Math.sqrt((double) width * height / MAX_PIXELS));
        return Math.max(forWidth, forPixels);
    }

    private static BufferedImage toGray(float[] attenuation, int width, int height) {
        float[] sorted = attenuation.clone();
        Arrays.sort(sorted);
        double window = Math.max(MIN_WINDOW, sorted[(int) Math.min(sorted.length - 1, Math.floor(WINDOW_PERCENTILE * sorted.length))]);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < attenuation.length; i++) {
            double shade = 1.0 - Math.min(attenuation[i], window) / window;
            pixels[i] = (byte) Math.round(255 * shade);
        }
        return image;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
