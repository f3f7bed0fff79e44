package org.opencustoms.scan.sim;

import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Png16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Png16Test {

    @TempDir
    Path directory;

    @Test
    void roundTripKeepsAllSixteenBits() throws IOException {
        int[] values = {0, 1, 255, 256, 257, 0x1234, 0x12FF, 0xABCD, 0x7FFF, 0x8000, 0x8001, 65_533, 65_534, 65_535, 999};
        char[] pixels = new char[5 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (char) values[i];
        }
        Image16 image = new Image16(5, 3, pixels);
        Path file = directory.resolve("counts.png");
        Png16.write(image, file);
        Image16 read = Png16.read(file);
        assertEquals(image, read);
        assertEquals(65_535, read.get(3, 2));
        assertEquals(0xABCD, read.get(2, 1));
    }

    @Test
    void readsEightBitGrayAsStoredAndRejectsColour() throws IOException {
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(1, 0, 0, 200);
        Path grayFile = directory.resolve("gray8.png");
        ImageIO.write(gray, "png", grayFile.toFile());
        assertEquals(200, Png16.read(grayFile).get(1, 0));

        Path colourFile = directory.resolve("rgb.png");
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", colourFile.toFile());
        assertThrows(IOException.class, () -> Png16.read(colourFile));
        assertThrows(IOException.class, () -> Png16.read(directory.resolve("missing.png")));
    }
}
