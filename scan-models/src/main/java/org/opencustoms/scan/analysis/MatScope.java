package org.opencustoms.scan.analysis;

import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * Releases every Mat it tracks when closed. OpenCV Mats hold native memory the garbage collector does
 * not see; a large scan leaks hundreds of megabytes if one is left to the finalizer.
 */
public final class MatScope implements AutoCloseable {

    static {
        OpenCvNatives.load();
    }

    private final List<Mat> mats = new ArrayList<>();

    public Mat track(Mat mat) {
        mats.add(mat);
        return mat;
    }

    public Mat newMat() {
        return track(new Mat());
    }

    @Override
    public void close() {
        for (Mat mat : mats) {
            mat.release();
        }
        mats.clear();
    }
}
