package org.opencustoms.scan.sim.io;

import org.opencustoms.scan.imaging.Image16;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * 8-bit previews for people: brightness falls with the square root of attenuation, from white
 * (air) to black (ln(I0), the deepest the detector can see), so light cargo stays visible;
 * wide images are shrunk by averaging to at most {@code maxWidth} columns.
 */
public final class Previews {

    private Previews() {
    }

    public static void write(Image16 image, double i0, int maxWidth, Path file) throws IOException {
        int step = Math.max(1, (int) Math.ceil(image.width() / (double) maxWidth));
        int width = image.width() / step;
        int height = image.height() / step;
        BufferedImage preview = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) preview.getRaster().getDataBuffer()).getData();
        double deepest = Math.log(i0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int dy = 0; dy < step; dy++) {
                    for (int dx = 0; dx < step; dx++) {
                        sum += image.get(x * step + dx, y * step + dy);
                    }
                }
                double attenuation = -Math.log(Math.max(sum / (step * step), 0.5) / i0);
                double brightness = 1 - Math.sqrt(Math.max(0, Math.min(1, attenuation / deepest)));
                target[y * width + x] = (byte) Math.round(255 * brightness);
            }
        }
        ImageIO.write(preview, "png", file.toFile());
    }
}
