package org.opencustoms.scan.analysis;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.List;

/** Turns a normalized scan into the float tensors the networks take. */
public final class ModelInputs {

    /** Tiles are classified for their central square; the rest of the tile is context. */
    public static final int STRIDE = ScanNetworks.TILE / 2;
    public static final int CORE_OFFSET = (ScanNetworks.TILE - STRIDE) / 2;

    private ModelInputs() {
    }

    /** The central square a tile answers for. */
    public static Rect core(Rect tile) {
        return new Rect(tile.x + CORE_OFFSET, tile.y + CORE_OFFSET, STRIDE, STRIDE);
    }

    public static List<Rect> tiles(NormalizedScan scan) {
        return ScanPreprocessor.tiles(scan.container(), scan.width(), scan.height(), ScanNetworks.TILE, STRIDE);
    }

    /** The scan's two channels as row-major arrays, read once so tiles are cut without JNI calls. */
    public record Planes(int width, int height, float[] attenuation, float[] detail) {

        public static Planes of(NormalizedScan scan) {
            float[] attenuation = new float[scan.width() * scan.height()];
            float[] detail = new float[attenuation.length];
            scan.attenuation().get(0, 0, attenuation);
            scan.detail().get(0, 0, detail);
            return new Planes(scan.width(), scan.height(), attenuation, detail);
        }

        /** Writes one tile (channels x TILE x TILE) at {@code offset}; mirrored left-right when asked, for augmentation. */
        public void writeTile(Rect tile, boolean mirror, float[] target, int offset) {
            int size = ScanNetworks.TILE;
            int plane = size * size;
            for (int y = 0; y < size; y++) {
                int row = (tile.y + y) * width;
                for (int x = 0; x < size; x++) {
                    int source = row + tile.x + (mirror ? size - 1 - x : x);
                    int index = offset + y * size + x;
                    target[index] = clamp(attenuation[source] / 4f, 0f, 3f);
                    target[index + plane] = clamp(detail[source] * 2f, -3f, 3f);
                }
            }
        }
    }

    /** The container region resampled to the empty verifier's input, attenuation scaled as for tiles. */
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
