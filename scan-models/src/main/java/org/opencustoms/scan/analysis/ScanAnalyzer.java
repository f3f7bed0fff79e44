package org.opencustoms.scan.analysis;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Analyses one scan at a time with its own predictors; not thread-safe, so a service keeps one per
 * worker (see {@link ScanModels#newAnalyzer()}).
 */
public final class ScanAnalyzer implements AutoCloseable {

    private final Predictor<NDList, NDList> threat;
    private final Predictor<NDList, NDList> empty;
    private final ThreatScoring scoring;
    private final NDManager manager;
    private final String modelVersion;

    ScanAnalyzer(Predictor<NDList, NDList> threat, Predictor<NDList, NDList> empty, ThreatScoring scoring, NDManager manager,
                 String modelVersion) {
        this.threat = threat;
        this.empty = empty;
        this.scoring = scoring;
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
        ModelInputs.Planes planes = ModelInputs.Planes.of(scan);
        long preprocessed = System.nanoTime();
        ThreatHeatMap heat = heatMap(threat, manager, planes);
        Rect containerCells = heat.cellsOf(scan.container());
        double threatScore = scoring.score(heat.features(containerCells));
        List<ScanAnalysis.Region> regions = regions(scan, heat, containerCells, scoring.regionThreshold(), scope);
        long threatDone = System.nanoTime();
        double emptyScore = sigmoid(run(empty, manager, ModelInputs.emptyInput(scan, scope), ScanNetworks.emptyInputShape(1))[0]);
        long emptyDone = System.nanoTime();
        return new Analysed(new ScanAnalysis(threatScore, emptyScore, regions, modelVersion, new ScanAnalysis.Timings(
                (preprocessed - start) / 1e6, (threatDone - preprocessed) / 1e6, (emptyDone - threatDone) / 1e6,
                (double) image.width() * image.height() / 1e6)), scan);
    }

    /** The detector's heat map over a whole normalized scan (also used while training, to fit the second stage). */
    public static ThreatHeatMap heatMap(Predictor<NDList, NDList> threat, NDManager manager, ModelInputs.Planes planes) {
        int width = ModelInputs.paddedWidth(planes.width());
        float[] output = run(threat, manager, planes.whole(), ScanNetworks.threatInputShape(1, planes.height(), width));
        return ThreatHeatMap.of(output, planes.height() / ScanNetworks.OUTPUT_STRIDE, width / ScanNetworks.OUTPUT_STRIDE);
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

    /**
     * The container's cells at or above the threshold, grouped into 8-connected blobs (OpenCV), each a region scaled back to
     * the scan's pixels, with its hottest cell's probability and the class the detector favours over it.
     */
    private static List<ScanAnalysis.Region> regions(NormalizedScan scan, ThreatHeatMap heat, Rect containerCells, double threshold,
                                                     MatScope scope) {
        byte[] hot = new byte[heat.width() * heat.height()];
        for (int y = containerCells.y; y < containerCells.y + containerCells.height; y++) {
            for (int x = containerCells.x; x < containerCells.x + containerCells.width; x++) {
                hot[y * heat.width() + x] = heat.threat()[y * heat.width() + x] >= threshold ? (byte) 1 : 0;
            }
        }
        Mat mask = scope.track(new Mat(heat.height(), heat.width(), CvType.CV_8U));
        mask.put(0, 0, hot);
        Mat labels = scope.newMat();
        Mat stats = scope.newMat();
        int count = Imgproc.connectedComponentsWithStats(mask, labels, stats, scope.newMat(), 8, CvType.CV_32S);
        int[] labelOf = new int[hot.length];
        labels.get(0, 0, labelOf);
        int stride = ScanNetworks.OUTPUT_STRIDE;
        List<ScanAnalysis.Region> regions = new ArrayList<>();
        for (int label = 1; label < count; label++) {
            byte[] blob = new byte[hot.length];
            double score = 0;
            for (int i = 0; i < hot.length; i++) {
                if (labelOf[i] == label) {
                    blob[i] = 1;
                    score = Math.max(score, heat.threat()[i]);
                }
            }
            int cellX = (int) stats.get(label, Imgproc.CC_STAT_LEFT)[0];
            int cellY = (int) stats.get(label, Imgproc.CC_STAT_TOP)[0];
            int cellW = (int) stats.get(label, Imgproc.CC_STAT_WIDTH)[0];
            int cellH = (int) stats.get(label, Imgproc.CC_STAT_HEIGHT)[0];
            int x = Math.min(scan.originalWidth() - 1, (int) Math.floor(cellX * stride * scan.scaleX()));
            int y = Math.min(scan.originalHeight() - 1, (int) Math.floor(cellY * stride * scan.scaleY()));
            int right = Math.min(scan.originalWidth(), (int) Math.ceil((cellX + cellW) * stride * scan.scaleX()));
            int bottom = Math.min(scan.originalHeight(), (int) Math.ceil((cellY + cellH) * stride * scan.scaleY()));
            regions.add(new ScanAnalysis.Region(x, y, Math.max(1, right - x), Math.max(1, bottom - y), score, heat.classOf(blob)));
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
