package org.opencustoms.scan.analysis;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Analyses one scan at a time with its own predictors; not thread-safe, so a service keeps one per
 * worker (see {@link ScanModels#newAnalyzer()}).
 */
public final class ScanAnalyzer implements AutoCloseable {

    /** Tiles at or above this score form regions. */
    public static final double REGION_THRESHOLD = 0.5;
    private static final int BATCH = 128;

    private final Predictor<NDList, NDList> threat;
    private final Predictor<NDList, NDList> empty;
    private final NDManager manager;
    private final String modelVersion;

    ScanAnalyzer(Predictor<NDList, NDList> threat, Predictor<NDList, NDList> empty, NDManager manager, String modelVersion) {
        this.threat = threat;
        this.empty = empty;
        this.manager = manager;
        this.modelVersion = modelVersion;
    }

    /** @throws ScanInputException when the scan is not one the models can read (see {@link ScanInputs}) */
    public ScanAnalysis analyse(Image16 image, Modality modality, double i0) {
        try (MatScope scope = new MatScope()) {
            return analyse(image, modality, i0, scope).analysis();
        }
    }

    /**
     * Analyses the scan and draws its display rendition from the same denoised attenuation, which is
     * computed once for both.
     *
     * @throws ScanInputException when the scan is not one the models can read (see {@link ScanInputs})
     */
    public Rendered analyseAndRender(Image16 image, Modality modality, double i0, int renditionWidth) {
        try (MatScope scope = new MatScope()) {
            Analysed analysed = analyse(image, modality, i0, scope);
            long start = System.nanoTime();
            ScanRendition rendition = ScanRendition.render(analysed.scan().fullSize(), analysed.analysis().regions(), renditionWidth, scope);
            return new Rendered(analysed.analysis(), rendition, (System.nanoTime() - start) / 1e6);
        }
    }

    /** An analysis and its display rendition, with the milliseconds the rendition took. */
    public record Rendered(ScanAnalysis analysis, ScanRendition rendition, double renditionMillis) {
    }

    private record Analysed(ScanAnalysis analysis, NormalizedScan scan) {
    }

    private Analysed analyse(Image16 image, Modality modality, double i0, MatScope scope) {
        ScanInputs.check(image, i0);
        long start = System.nanoTime();
        NormalizedScan scan = ScanPreprocessor.normalize(image, modality, i0, scope);
        List<Rect> tiles = ModelInputs.tiles(scan);
        ModelInputs.Planes planes = ModelInputs.Planes.of(scan);
        long preprocessed = System.nanoTime();
        float[] scores = tileScores(planes, tiles);
        long threatDone = System.nanoTime();
        double emptyScore = sigmoid(run(empty, manager, ModelInputs.emptyInput(scan, scope), ScanNetworks.emptyInputShape(1))[0]);
        long emptyDone = System.nanoTime();
        double threatScore = 0;
        for (float score : scores) {
            threatScore = Math.max(threatScore, score);
        }
        List<ScanAnalysis.Region> regions = regions(scan, tiles, scores, scope);
        return new Analysed(new ScanAnalysis(threatScore, emptyScore, regions, modelVersion, new ScanAnalysis.Timings(
                (preprocessed - start) / 1e6, (threatDone - preprocessed) / 1e6, (emptyDone - threatDone) / 1e6,
                (double) image.width() * image.height() / 1e6)), scan);
    }

    private float[] tileScores(ModelInputs.Planes planes, List<Rect> tiles) {
        return tileScores(threat, manager, planes, tiles);
    }

    /** Threat scores of tiles, in batches through a threat-detector predictor (also used to mine hard negatives while training). */
    public static float[] tileScores(Predictor<NDList, NDList> threat, NDManager manager, ModelInputs.Planes planes, List<Rect> tiles) {
        float[] scores = new float[tiles.size()];
        int tileValues = ScanNetworks.TILE_CHANNELS * ScanNetworks.TILE * ScanNetworks.TILE;
        for (int from = 0; from < tiles.size(); from += BATCH) {
            int count = Math.min(BATCH, tiles.size() - from);
            float[] batch = new float[count * tileValues];
            for (int i = 0; i < count; i++) {
                planes.writeTile(tiles.get(from + i), false, batch, i * tileValues);
            }
            float[] logits = run(threat, manager, batch, ScanNetworks.threatInputShape(count));
            for (int i = 0; i < count; i++) {
                scores[from + i] = (float) sigmoid(logits[i]);
            }
        }
        return scores;
    }

    private static float[] run(Predictor<NDList, NDList> predictor, NDManager manager, float[] input, ai.djl.ndarray.types.Shape shape) {
        try (NDManager batch = manager.newSubManager()) {
            NDArray array = batch.create(input, shape);
            // the output may be detached from every manager: close it here, or a long-running service leaks native memory
            try (NDList output = predictor.predict(new NDList(array))) {
                return output.singletonOrThrow().toFloatArray();
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("the model failed on a scan", e);
        }
    }

    /** Tiles above the threshold paint their central squares onto a heat map; its blobs (OpenCV contours) are the regions. */
    private static List<ScanAnalysis.Region> regions(NormalizedScan scan, List<Rect> tiles, float[] scores, MatScope scope) {
        Mat heat = scope.track(Mat.zeros(scan.height(), scan.width(), CvType.CV_32F));
        for (int i = 0; i < tiles.size(); i++) {
            if (scores[i] >= REGION_THRESHOLD) {
                Mat core = scope.track(heat.submat(ModelInputs.core(tiles.get(i))));
                Core.max(core, new Scalar(scores[i]), core);
            }
        }
        Mat mask = scope.newMat();
        Imgproc.threshold(heat, mask, REGION_THRESHOLD - 1e-6, 255, Imgproc.THRESH_BINARY);
        Mat mask8 = scope.newMat();
        mask.convertTo(mask8, CvType.CV_8U);
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(mask8, contours, scope.newMat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        List<ScanAnalysis.Region> regions = new ArrayList<>();
        for (MatOfPoint contour : contours) {
            Rect box = Imgproc.boundingRect(contour);
            contour.release();
            double score = Core.minMaxLoc(scope.track(heat.submat(box))).maxVal;
            int x = (int) Math.floor(box.x * scan.scaleX());
            int y = (int) Math.floor(box.y * scan.scaleY());
            int right = Math.min(scan.originalWidth(), (int) Math.ceil((box.x + box.width) * scan.scaleX()));
            int bottom = Math.min(scan.originalHeight(), (int) Math.ceil((box.y + box.height) * scan.scaleY()));
            regions.add(new ScanAnalysis.Region(x, y, right - x, bottom - y, score, null)); // the tile detector tells no kinds apart
        }
        regions.sort(Comparator.comparingDouble(ScanAnalysis.Region::score).reversed());
        return regions;
    }

    static double sigmoid(double logit) {
        return 1.0 / (1.0 + Math.exp(-logit));
    }

    @Override
    public void close() {
        threat.close();
        empty.close();
        manager.close();
    }
}
