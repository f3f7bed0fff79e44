package org.opencustoms.scan.imaging;

import java.util.Arrays;

/**
 * A 16-bit unsigned grayscale image, row-major. Pixel values are detector counts: air is about
 * the scan's I0, denser is darker. {@code char} holds 0 to 65535 without sign tricks.
 */
public final class Image16 {

    private final int width;
    private final int height;
    private final char[] pixels;

    /** Wraps the array without copying it. */
    public Image16(int width, int height, char[] pixels) {
        if (width < 1 || height < 1 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("need " + width + " x " + height + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Counts at column x, row y. */
    public int get(int x, int y) {
        return pixels[y * width + x];
    }

    /** -ln(value / i0), with a zero count read as half a count so that it stays finite. */
    public double attenuationAt(int x, int y, double i0) {
        return -Math.log(Math.max(get(x, y), 0.5) / i0);
    }

    /** The backing array (row-major); changes to it change the image. */
    public char[] pixels() {
        return pixels;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image16 image && image.width == width && image.height == height
                && Arrays.equals(image.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Image16[" + width + "x" + height + "]";
    }
}
