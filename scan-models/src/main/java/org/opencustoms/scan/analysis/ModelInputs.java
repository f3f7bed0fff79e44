package org.opencustoms.scan.analysis;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;


/** Turns a normalized scan into the float tensors the networks take. */
public final class ModelInputs {

    private ModelInputs() {
    }

    /** The width the detector is given: the scan's, rounded up to a multiple of its output stride (the rest is air). */
    public static int paddedWidth(int width) {
        int stride = ScanNetworks.OUTPUT_STRIDE;
        return (width + stride - 1) / stride * stride;
    }

    /** The scan's two channels as row-major arrays, read once so windows are cut without JNI calls. */
    public record Planes(int width, int height, float[] attenuation, float[] detail) {

        public static Planes of(NormalizedScan scan) {
            float[] attenuation = new float[scan.width() * scan.height()];
            float[] detail = new float[attenuation.length];
            scan.attenuation().get(0, 0, attenuation);
            scan.detail().get(0, 0, detail);
            return new Planes(scan.width(), scan.height(), attenuation, detail);
        }

        /** The detector's input for the whole scan, channels x height x {@link #paddedWidth}. */
        public float[] whole() {
            int padded = paddedWidth(width);
            float[] values = new float[ScanNetworks.INPUT_CHANNELS * height * padded];
            write(new Rect(0, 0, padded, height), false, values, 0);
            return values;
        }

        /**
         * Writes a window (channels x its height x its width) at {@code offset}, mirrored left-right when asked (for
         * augmentation); the parts of the window outside the scan read as air.
         */
        public void write(Rect window, boolean mirror, float[] target, int offset) {
            int plane = window.width * window.height;
            for (int y = 0; y < window.height; y++) {
                int sourceY = window.y + y;
                for (int x = 0; x < window.width; x++) {
                    int sourceX = window.x + (mirror ? window.width - 1 - x : x);
                    int index = offset + y * window.width + x;
                    if (sourceY < 0 || sourceY >= height || sourceX < 0 || sourceX >= width) {
                        target[index] = 0f;
                        target[index + plane] = 0f;
                        continue;
                    }
                    int source = sourceY * width + sourceX;
                    target[index] = clamp(attenuation[source] / 4f, 0f, 3f);
                    target[index + plane] = clamp(detail[source] * 2f, -3f, 3f);
                }
            }
        }
    }

    /** The container region resampled to the empty verifier's input, attenuation scaled as for the detector. */
    public static float[] emptyInput(NormalizedScan scan, MatScope scope) {
        Mat region = scope.track(new Mat(scan.attenuation(), scan.container()));
        Mat resized = scope.newMat();
        Imgproc.resize(region, resized, new Size(ScanNetworks.EMPTY_WIDTH, ScanNetworks.EMPTY_HEIGHT), 0, 0, Imgproc.INTER_AREA);
        float[] values = new float[ScanNetworks.EMPTY_WIDTH * ScanNetworks.EMPTY_HEIGHT];
        resized.get(0, 0, values);
        for (int i = 0; i < values.length; i++) {
            values[i] = clamp(values[i] / 4f, 0f, 3f);
        }
        return values;
    }

    private static float clamp(float value, float low, float high) {
        return Math.max(low, Math.min(high, value));
    }
}
