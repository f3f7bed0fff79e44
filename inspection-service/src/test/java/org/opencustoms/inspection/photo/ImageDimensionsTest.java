package org.opencustoms.inspection.photo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ImageDimensionsTest {

    @TempDir
    Path dir;

    @Test
    void pngAndJpegSizesComeFromTheirHeaders() throws IOException {
        BufferedImage image = new BufferedImage(321, 123, BufferedImage.TYPE_INT_RGB);
        for (String format : new String[] {"png", "jpeg"}) {
            Path file = dir.resolve("photo." + format);
            ImageIO.write(image, format, file.toFile());
            assertEquals(Optional.of(new ImageDimensions.Size(321, 123)), ImageDimensions.of(file, "image/" + format), format);
        }
    }

    @Test
    void aTinyFileClaimingAHugeImageIsMeasuredByItsClaim() throws IOException {
        assertEquals(Optional.of(new ImageDimensions.Size(100_000, 100_000)), ImageDimensions.of(write(png(100_000, 100_000)), "image/png"));
    }

    @Test
    void webpHeadersOfAllThreeKinds() throws IOException {
        ByteBuffer lossy = webp("VP8 ");
        lossy.position(23).put((byte) 0x9d).put((byte) 0x01).put((byte) 0x2a).putShort((short) 640).putShort((short) 480);
        assertEquals(Optional.of(new ImageDimensions.Size(640, 480)), ImageDimensions.of(write(lossy.array()), "image/webp"));

        ByteBuffer lossless = webp("VP8L");
        lossless.position(20).put((byte) 0x2f).putInt((1023) | (767 << 14));
        assertEquals(Optional.of(new ImageDimensions.Size(1024, 768)), ImageDimensions.of(write(lossless.array()), "image/webp"));

        ByteBuffer extended = webp("VP8X");
        extended.position(24).put((byte) 0x0f).put((byte) 0x27).put((byte) 0x00).put((byte) 0x6f).put((byte) 0x17).put((byte) 0x00);
        assertEquals(Optional.of(new ImageDimensions.Size(10_000, 6_000)), ImageDimensions.of(write(extended.array()), "image/webp"));
    }

    @Test
    void truncatedOrForeignHeadersAreNotMeasured() throws IOException {
        assertTrue(ImageDimensions.of(write(new byte[] {(byte) 0x89, 'P', 'N', 'G'}), "image/png").isEmpty());
        assertTrue(ImageDimensions.of(write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}), "image/jpeg").isEmpty());
        assertTrue(ImageDimensions.of(write(webp("ABCD").array()), "image/webp").isEmpty());
    }

    /** A PNG signature and IHDR chunk declaring the size, and nothing else. */
    public static byte[] png(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(33).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(new byte[] {'I', 'H', 'D', 'R'})
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).putInt(0);
        return b.array();
    }

    private static ByteBuffer webp(String chunk) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(32).put(new byte[] {'W', 'E', 'B', 'P'}).put(chunk.getBytes()).putInt(20);
        return b;
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "photo", ".bin");
        Files.write(file, bytes);
        return file;
    }
}
