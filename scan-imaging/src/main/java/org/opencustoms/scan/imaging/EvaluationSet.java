package org.opencustoms.scan.imaging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** An evaluation set on disk: its directory and the rows of its labels.csv. */
public record EvaluationSet(Path directory, List<ScanLabel> labels) {

    /** The labels file of an evaluation set, beside its images. */
    public static final String LABELS_FILE = "labels.csv";

    public EvaluationSet {
        labels = List.copyOf(labels);
    }

    /** The scan's image (the high-energy one for dual energy). */
    public Image16 image(ScanLabel label) throws IOException {
        return Png16.read(directory.resolve(label.file()));
    }

    /** The low-energy image of a dual-energy scan. */
    public Image16 lowEnergyImage(ScanLabel label) throws IOException {
        if (!label.isDualEnergy()) {
            throw new IllegalArgumentException(label.file() + " is not a dual-energy scan");
        }
        return Png16.read(directory.resolve(label.fileLow()));
    }
}
