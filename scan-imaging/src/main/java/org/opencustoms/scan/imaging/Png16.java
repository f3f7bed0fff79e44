package org.opencustoms.scan.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Reads and writes 16-bit grayscale PNG files with the JDK's ImageIO. */
public final class Png16 {

    private Png16() {
    }

    public static void write(Image16 image, Path file) throws IOException {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_USHORT_GRAY);
        short[] target = ((DataBufferUShort) buffered.getRaster().getDataBuffer()).getData();
        char[] source = image.pixels();
        for (int i = 0; i < source.length; i++) {
            target[i] = (short) source[i];
        }
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    /**
     * Reads a single-channel PNG. Sample values are taken as they are stored, so an 8-bit file
     * gives values 0 to 255.
     */
    public static Image16 read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such image file: " + file);
        }
        BufferedImage buffered = ImageIO.read(file.toFile());
        if (buffered == null) {
            throw new IOException("not a readable image: " + file);
        }
        Raster raster = buffered.getRaster();
        if (raster.getNumBands() != 1) {
            throw new IOException("expected a grayscale image, " + file + " has " + raster.getNumBands() + " channels");
        }
        int width = raster.getWidth();
        int height = raster.getHeight();
        char[] pixels = new char[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (char) row[x];
            }
        }
        return new Image16(width, height, pixels);
    }
}
