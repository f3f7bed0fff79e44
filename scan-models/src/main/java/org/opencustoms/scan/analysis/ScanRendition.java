package org.opencustoms.scan.analysis;

import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.util.List;

/**
 * The display rendition inspectors see: denoised attenuation at tablet size with CLAHE contrast, as a
 * plain PNG (the tablet app draws its own interactive boxes on it) and as a PNG with the regions drawn
 * and numbered, for anything that shows a picture as it is.
 *
 * @param width  pixels of both PNGs; region {@code i} of the analysis is drawn scaled by {@code width / scan width}
 */
public record ScanRendition(int width, int height, byte[] plainPng, byte[] overlayPng) {

    private static final Scalar REGION_COLOUR = new Scalar(0, 96, 255); // BGR: a strong orange, visible on grey
    private static final Scalar LABEL_BACKGROUND = new Scalar(0, 0, 0);

    /** The rendition of a scan on its own (the service draws it from the analysis's attenuation instead). */
    public static ScanRendition render(Image16 image, Modality modality, double i0, List<ScanAnalysis.Region> regions, int maxWidth) {
        try (MatScope scope = new MatScope()) {
            Mat attenuation = ScanPreprocessor.denoise(
                    ScanPreprocessor.attenuation(ScanPreprocessor.counts(image, scope), i0, scope), modality, scope);
            return render(attenuation, regions, maxWidth, scope);
        }
    }

    /**
     * @param attenuation denoised CV_32F attenuation at the scan's own size; regions are in its pixels
     */
    static ScanRendition render(Mat attenuation, List<ScanAnalysis.Region> regions, int maxWidth, MatScope scope) {
        if (maxWidth < 16) {
            throw new IllegalArgumentException("a rendition needs at least 16 columns, got " + maxWidth);
        }
        int width = Math.min(maxWidth, attenuation.cols());
        double scale = (double) width / attenuation.cols();
        int height = Math.max(1, (int) Math.round(attenuation.rows() * scale));
        Mat resized = attenuation;
        if (width != attenuation.cols()) {
            resized = scope.newMat();
            Imgproc.resize(attenuation, resized, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
        }
        Mat gray = ScanPreprocessor.displayRendition(resized, scope);
        Mat colour = scope.newMat();
        Imgproc.cvtColor(gray, colour, Imgproc.COLOR_GRAY2BGR);
        int thickness = Math.max(2, width / 700);
        for (int i = 0; i < regions.size(); i++) {
            ScanAnalysis.Region region = regions.get(i);
            Point topLeft = new Point(Math.floor(region.x() * scale), Math.floor(region.y() * scale));
            Point bottomRight = new Point(Math.ceil((region.x() + region.width()) * scale) - 1,
                    Math.ceil((region.y() + region.height()) * scale) - 1);
            Imgproc.rectangle(colour, topLeft, bottomRight, REGION_COLOUR, thickness);
            label(colour, String.valueOf(i + 1), topLeft, thickness);
        }
        return new ScanRendition(width, height, png(gray), png(colour));
    }

    /** The region's number on a dark tab just above (or inside, at the top edge) its box. */
    private static void label(Mat image, String text, Point corner, int thickness) {
        double fontScale = 0.5 * thickness;
        int[] baseline = new int[1];
        Size size = Imgproc.getTextSize(text, Imgproc.FONT_HERSHEY_SIMPLEX, fontScale, thickness, baseline);
        double top = corner.y - size.height - 2 * thickness >= 0 ? corner.y - size.height - 2 * thickness : corner.y;
        Imgproc.rectangle(image, new Point(corner.x, top), new Point(corner.x + size.width + 2 * thickness, top + size.height + 2 * thickness),
                LABEL_BACKGROUND, Imgproc.FILLED);
        Imgproc.putText(image, text, new Point(corner.x + thickness, top + size.height + thickness), Imgproc.FONT_HERSHEY_SIMPLEX,
                fontScale, REGION_COLOUR, thickness);
    }

    private static byte[] png(Mat image) {
        MatOfByte encoded = new MatOfByte();
        try {
            if (!Imgcodecs.imencode(".png", image, encoded)) {
                throw new IllegalStateException("OpenCV could not encode the rendition as PNG");
            }
            return encoded.toArray();
        } finally {
            encoded.release();
        }
    }
}
