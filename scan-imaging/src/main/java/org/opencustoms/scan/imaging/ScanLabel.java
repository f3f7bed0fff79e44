package org.opencustoms.scan.imaging;

import java.util.List;

/**
 * One row of labels.csv.
 *
 * @param file the image file, relative to the set's directory (the high-energy one for dual energy)
 * @param i0 open-beam counts of the scan's images
 * @param empty the container holds neither cargo nor threats
 * @param threat at least one threat is present
 * @param boxes threat boxes in pixels, empty when none
 * @param fileLow the low-energy image of a dual-energy scan, null otherwise
 */
public record ScanLabel(String file, Modality modality, double i0, boolean empty, boolean threat, List<Box> boxes,
        String fileLow) {

    public ScanLabel {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a label needs an image file");
        }
        if (modality == null) {
            throw new IllegalArgumentException("a label needs a modality");
        }
        if (!(i0 > 0)) {
            throw new IllegalArgumentException("i0 must be positive, got " + i0);
        }
        boxes = List.copyOf(boxes);
        fileLow = fileLow == null || fileLow.isBlank() ? null : fileLow;
    }

    public boolean isDualEnergy() {
        return fileLow != null;
    }
}
