package org.opencustoms.scan.analysis;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * A scan's attenuation resampled to {@link ScanPreprocessor#NORMALIZED_HEIGHT} rows, so that every
 * scanner's image shows the container at about the same physical scale, with a high-pass copy that
 * brings out objects hidden in uniform cargo.
 *
 * @param attenuation CV_32F -ln(counts / I0), denoised and resampled
 * @param detail      CV_32F attenuation minus its large-scale background
 * @param container   the container's bounding box in normalized pixels
 * @param scaleX      original columns per normalized column
 * @param scaleY      original rows per normalized row
 * @param fullSize    the denoised attenuation at the scan's own size, from which it was resampled (the display rendition starts here)
 */
public record NormalizedScan(Mat attenuation, Mat detail, Rect container, double scaleX, double scaleY, int originalWidth,
                             int originalHeight, Mat fullSize) {

    public int width() {
        return attenuation.cols();
    }

    public int height() {
        return attenuation.rows();
    }
}
