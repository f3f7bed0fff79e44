package org.opencustoms.scan.analysis;

import org.junit.jupiter.api.Test;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanRenditionTest {

    /** 4000 x 1000 counts: open beam on the left half, dense cargo on the right. */
    private static Image16 halfDense() {
        char[] pixels = new char[4000 * 1000];
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 4000; x++) {
                pixels[y * 4000 + x] = (char) (x < 2000 ? 60_000 : 600);
            }
        }
        return new Image16(4000, 1000, pixels);
    }

    @Test
    void theRenditionIsTabletSizedAirLightCargoDarkAndTheOverlayMarksOnlyTheRegions() throws IOException {
        ScanAnalysis.Region region = new ScanAnalysis.Region(2400, 400, 400, 200, 0.9, ThreatClass.FIREARM);
        ScanRendition rendition = ScanRendition.render(halfDense(), Modality.XRAY, 60_000, List.of(region), 2048);

        assertEquals(2048, rendition.width());
        assertEquals(512, rendition.height(), "the aspect ratio is kept");
        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(rendition.plainPng()));
        BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(rendition.overlayPng()));
        assertEquals(2048, plain.getWidth());
        assertEquals(512, overlay.getHeight());
        int air = plain.getRaster().getSample(300, 256, 0);
        int cargo = plain.getRaster().getSample(1700, 256, 0);
        assertTrue(air > cargo + 100, "air " + air + " is light, cargo " + cargo + " dark");

        int edgeX = (int) Math.round(2400 * 2048 / 4000.0);
        int edgeY = (int) Math.round(500 * 2048 / 4000.0);
        assertNotEquals(grey(plain, edgeX, edgeY), overlay.getRGB(edgeX, edgeY) & 0xffffff, "the region's left edge is drawn");
        assertEquals(grey(plain, 300, 256), overlay.getRGB(300, 256) & 0xffffff, "away from the region nothing changes");
    }

    @Test
    void aScanNarrowerThanTheRenditionKeepsItsSize() {
        ScanRendition rendition = ScanRendition.render(new Image16(600, 200, new char[600 * 200]), Modality.GAMMA, 20_000, List.of(), 2048);
        assertEquals(600, rendition.width());
        assertEquals(200, rendition.height());
    }

    private static int grey(BufferedImage image, int x, int y) {
        int value = image.getRaster().getSample(x, y, 0);
        return value << 16 | value << 8 | value;
    }
}
