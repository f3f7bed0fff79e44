package org.opencustoms.scan.analysis;

import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenCV steps between a scanner's counts and the models: air calibration and log attenuation,
 * denoising suited to the modality, resampling to a common scale, detection of the container region,
 * and the contrast-enhanced display rendition. Every Mat is owned by a
 * {@link MatScope}.
 */
public final class ScanPreprocessor {

    /** Rows of the normalized image: a container's height at about 1 cm a pixel. */
    public static final int NORMALIZED_HEIGHT = 256;
    /** Attenuation below this is air (transmission above about 90 % of I0). */
    static final double AIR_ATTENUATION = 0.1;
    private static final double MAX_ATTENUATION = 12.0;

    private ScanPreprocessor() {
    }

    /** The 16-bit counts as a CV_16U Mat. */
    public static Mat counts(Image16 image, MatScope scope) {
        char[] pixels = image.pixels();
        short[] values = new short[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (short) pixels[i];
        }
        Mat mat = scope.track(new Mat(image.height(), image.width(), CvType.CV_16UC1));
        mat.put(0, 0, values);
        return mat;
    }

    /** Air calibration: -ln(max(counts, 0.5) / I0) as CV_32F, clipped to [0, 12]. */
    public static Mat attenuation(Mat counts, double i0, MatScope scope) {
        if (!(i0 > 1)) {
            throw new IllegalArgumentException("I0 must be above 1, got " + i0);
        }
        Mat value = scope.newMat();
        counts.convertTo(value, CvType.CV_32F, 1.0 / i0);
        Core.max(value, new org.opencv.core.Scalar(0.5 / i0), value);
        Core.log(value, value);
        Core.multiply(value, new org.opencv.core.Scalar(-1.0), value);
        Imgproc.threshold(value, value, MAX_ATTENUATION, MAX_ATTENUATION, Imgproc.THRESH_TRUNC);
        Imgproc.threshold(value, value, 0, 0, Imgproc.THRESH_TOZERO);
        return value;
    }

    /**
     * X-ray noise is mild and Gaussian: a small Gaussian blur. Gamma images are Poisson-limited at low
     * counts with isolated outliers: a median filter, which keeps edges.
     */
    public static Mat denoise(Mat attenuation, Modality modality, MatScope scope) {
        Mat smooth = scope.newMat();
        if (modality == Modality.GAMMA) {
            Imgproc.medianBlur(attenuation, smooth, 5);
        } else {
            Imgproc.GaussianBlur(attenuation, smooth, new Size(3, 3), 0);
        }
        return smooth;
    }

    /** Denoised attenuation resampled to the normalized height, its detail channel and the container region. */
    public static NormalizedScan normalize(Image16 image, Modality modality, double i0, MatScope scope) {
        Mat attenuation = denoise(attenuation(counts(image, scope), i0, scope), modality, scope);
        double scale = (double) image.height() / NORMALIZED_HEIGHT;
        int width = Math.max(1, (int) Math.round(image.width() / scale));
        Mat resized = scope.newMat();
        Imgproc.resize(attenuation, resized, new Size(width, NORMALIZED_HEIGHT), 0, 0,
                scale >= 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        Mat background = scope.newMat();
        Imgproc.GaussianBlur(resized, background, new Size(0, 0), 8);
        Mat detail = scope.newMat();
        Core.subtract(resized, background, detail);
        return new NormalizedScan(resized, detail, containerRegion(resized, scope), (double) image.width() / width, scale,
                image.width(), image.height(), attenuation);
    }

    /** The bounding box of everything that is not air; the whole image when nothing is. */
    public static Rect containerRegion(Mat attenuation, MatScope scope) {
        Mat mask = scope.newMat();
        Imgproc.threshold(attenuation, mask, AIR_ATTENUATION, 255, Imgproc.THRESH_BINARY);
        Mat mask8 = scope.newMat();
        mask.convertTo(mask8, CvType.CV_8U);
        Imgproc.morphologyEx(mask8, mask8, Imgproc.MORPH_OPEN,
                scope.track(Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5))));
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = scope.newMat();
        Imgproc.findContours(mask8, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        Rect best = null;
        for (MatOfPoint contour : contours) {
            Rect box = Imgproc.boundingRect(contour);
            if (best == null || box.area() > best.area()) {
                best = box;
            }
            contour.release();
        }
        return best == null || best.area() < 0.05 * attenuation.rows() * attenuation.cols()
                ? new Rect(0, 0, attenuation.cols(), attenuation.rows()) : best;
    }

    /** 8-bit display image: air white, dense black, contrast-limited adaptive histogram equalisation. */
    public static Mat displayRendition(Mat attenuation, MatScope scope) {
        Mat scaled = scope.newMat();
        attenuation.convertTo(scaled, CvType.CV_8U, -255.0 / 6.0, 255.0);
        CLAHE clahe = Imgproc.createCLAHE(2.0, new Size(8, 8));
        Mat enhanced = scope.newMat();
        clahe.apply(scaled, enhanced);
        clahe.collectGarbage(); // its native buffers would otherwise wait for the garbage collector
        return enhanced;
    }
}
