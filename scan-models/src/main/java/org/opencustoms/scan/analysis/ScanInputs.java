package org.opencustoms.scan.analysis;

import org.opencustoms.scan.imaging.Image16;

/**
 * What a scan must be for the models to say anything about it. A scan is resampled to
 * {@link ScanPreprocessor#NORMALIZED_HEIGHT} rows, so it must be wide enough for the detector at that
 * height, and tall enough that the resampling does not invent most of the rows.
 */
public final class ScanInputs {

    /** Fewer detector rows than this is not a container scan (gamma portals have a few hundred). */
    public static final int MIN_HEIGHT = 64;

    private ScanInputs() {
    }

    public static void check(Image16 image, double i0) {
        if (image.height() < MIN_HEIGHT) {
            throw new ScanInputException("the scan has " + image.height() + " rows; at least " + MIN_HEIGHT
                    + " detector rows are needed");
        }
        double normalizedWidth = (double) image.width() * ScanPreprocessor.NORMALIZED_HEIGHT / image.height();
        if (normalizedWidth < ScanNetworks.MIN_WIDTH) {
            throw new ScanInputException("the scan is " + image.width() + " x " + image.height() + " (columns x rows): at least "
                    + (int) Math.ceil((double) ScanNetworks.MIN_WIDTH * image.height() / ScanPreprocessor.NORMALIZED_HEIGHT)
                    + " columns are needed for " + image.height() + " rows");
        }
        if (!(i0 > 1 && i0 <= 65_535)) {
            throw new ScanInputException("the open-beam value I0 must be between 2 and 65535, got " + i0);
        }
    }
}
