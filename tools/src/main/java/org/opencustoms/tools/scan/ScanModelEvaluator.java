package org.opencustoms.tools.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.opencustoms.scan.analysis.ScanAnalysis;
import org.opencustoms.scan.analysis.ScanAnalyzer;
import org.opencustoms.scan.analysis.ScanModels;

import org.opencustoms.scan.imaging.Box;
import org.opencustoms.scan.imaging.EvaluationSet;
import org.opencustoms.scan.imaging.EvaluationSetReader;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;
import org.opencustoms.scan.imaging.ScanLabel;
import org.opencustoms.tools.Csv;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs the models over an evaluation set in the documented format and measures them per modality. */
public final class ScanModelEvaluator {

    private final ScanModels models;

    public ScanModelEvaluator(ScanModels models) {
        this.models = models;
    }

    public record ModalityMetrics(int scans, int threatScans, int emptyScans, Double threatAuc, Double detectionRateAt5PercentFalseAlarms,
                                  double thresholdAt5PercentFalseAlarms, int threatBoxes, Double localisedBoxShare, Double emptyAccuracy,
                                  double msPerMegapixel, double expectedCalibrationError, List<ReliabilityBin> reliability) {
    }

    /** One bar of a reliability diagram: the scans whose threat score fell in [from, to), their mean score and how many held a threat. */
    public record ReliabilityBin(double from, double to, int scans, double meanScore, double threatShare) {
    }

    private static final int RELIABILITY_BINS = 10;

    public record Evaluation(String modelVersion, int scans, Map<String, ModalityMetrics> modalities) {

        /** Pretty-printed, ratios rounded to 4 decimals and msPerMegapixel to 1, null where undefined. */
        public String toJson() {
            Map<String, ModalityJson> body = new LinkedHashMap<>();
            modalities.forEach((name, m) -> body.put(name, new ModalityJson(m.scans(), m.threatScans(), m.emptyScans(),
                    rounded(m.threatAuc(), 4), rounded(m.detectionRateAt5PercentFalseAlarms(), 4),
                    rounded(m.thresholdAt5PercentFalseAlarms(), 4), m.threatBoxes(), rounded(m.localisedBoxShare(), 4),
                    rounded(m.emptyAccuracy(), 4), rounded(m.msPerMegapixel(), 1), rounded(m.expectedCalibrationError(), 4),
                    m.reliability().stream().map(b -> new BinJson(rounded(b.from(), 1), rounded(b.to(), 1), b.scans(),
                            rounded(b.meanScore(), 4), rounded(b.threatShare(), 4))).toList())));
            try {
                return JSON.writeValueAsString(new EvaluationJson(modelVersion, scans, body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the evaluation as JSON", e);
            }
        }

        /** The value printed with that many decimals, as {@code %.Nf} does, or null when not a number. */
        private static BigDecimal rounded(Double value, int decimals) {
            return value == null || value.isNaN() || value.isInfinite() ? null
                    : new BigDecimal(String.format(Locale.ROOT, "%." + decimals + "f", value));
        }
    }

    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private record EvaluationJson(String modelVersion, int scans, Map<String, ModalityJson> modalities) {
    }

    private record ModalityJson(int scans, int threatScans, int emptyScans, BigDecimal threatAuc,
                                BigDecimal detectionRateAt5PercentFalseAlarms, BigDecimal thresholdAt5PercentFalseAlarms,
                                int threatBoxes, BigDecimal localisedBoxShare, BigDecimal emptyAccuracy, BigDecimal msPerMegapixel,
                                BigDecimal expectedCalibrationError, List<BinJson> reliability) {
    }

    private record BinJson(BigDecimal from, BigDecimal to, int scans, BigDecimal meanScore, BigDecimal threatShare) {
    }

    private record Scored(ScanLabel label, ScanAnalysis analysis) {
    }

    public Evaluation evaluate(Path directory, Path predictionsCsv) throws IOException {
        EvaluationSet set = EvaluationSetReader.read(directory);
        if (set.labels().isEmpty()) {
            throw new IllegalArgumentException(directory + " has no scans in its labels.csv");
        }
        List<Scored> scored = new ArrayList<>();
        try (ScanAnalyzer analyzer = models.newAnalyzer()) {
            ScanLabel first = set.labels().get(0);
            analyzer.analyse(set.image(first), first.modality(), first.i0()); // warm-up, not timed
            for (ScanLabel label : set.labels()) {
                Image16 image = set.image(label);
                scored.add(new Scored(label, analyzer.analyse(image, label.modality(), label.i0())));
            }
        }
        if (predictionsCsv != null) {
            writePredictions(scored, predictionsCsv);
        }
        Map<String, ModalityMetrics> byModality = new LinkedHashMap<>();
        for (Modality modality : Modality.values()) {
            List<Scored> ofModality = scored.stream().filter(s -> s.label().modality() == modality).toList();
            if (!ofModality.isEmpty()) {
                byModality.put(modality.name().toLowerCase(Locale.ROOT), metrics(ofModality));
            }
        }
        return new Evaluation(models.version(), scored.size(), byModality);
    }

    private static ModalityMetrics metrics(List<Scored> scans) {
        double[] positives = scans.stream().filter(s -> s.label().threat()).mapToDouble(s -> s.analysis().threatScore()).toArray();
        double[] negatives = scans.stream().filter(s -> !s.label().threat()).mapToDouble(s -> s.analysis().threatScore()).toArray();
        double threshold = DetectionMetrics.thresholdAtFalseAlarmRate(negatives, DetectionMetrics.FALSE_ALARM_RATE);
        int boxes = 0;
        int localised = 0;
        for (Scored scan : scans) {
            for (Box box : scan.label().boxes()) {
                boxes++;
                localised += DetectionMetrics.localised(box, scan.analysis().regions()) ? 1 : 0;
            }
        }
        long emptyRight = scans.stream().filter(s -> (s.analysis().emptyScore() >= 0.5) == s.label().empty()).count();
        double millis = scans.stream().mapToDouble(s -> s.analysis().timings().totalMillis()).sum();
        double megapixels = scans.stream().mapToDouble(s -> s.analysis().timings().megapixels()).sum();
        return new ModalityMetrics(scans.size(), positives.length, (int) scans.stream().filter(s -> s.label().empty()).count(),
                DetectionMetrics.auc(positives, negatives), DetectionMetrics.detectionRate(positives, threshold), threshold, boxes,
                boxes == 0 ? null : (double) localised / boxes, (double) emptyRight / scans.size(), millis / megapixels,
                expectedCalibrationError(scans), reliability(scans));
    }

    /** The scans binned by threat score into tenths, empty bins left out. */
    static List<ReliabilityBin> reliability(List<Scored> scans) {
        List<ReliabilityBin> bins = new ArrayList<>();
        for (int b = 0; b < RELIABILITY_BINS; b++) {
            double from = (double) b / RELIABILITY_BINS;
            double to = (double) (b + 1) / RELIABILITY_BINS;
            boolean last = b == RELIABILITY_BINS - 1;
            List<Scored> in = scans.stream().filter(s -> s.analysis().threatScore() >= from
                    && (s.analysis().threatScore() < to || last)).toList();
            if (!in.isEmpty()) {
                bins.add(new ReliabilityBin(from, to, in.size(), in.stream().mapToDouble(s -> s.analysis().threatScore()).average().orElseThrow(),
                        (double) in.stream().filter(s -> s.label().threat()).count() / in.size()));
            }
        }
        return bins;
    }

    /** The scan-weighted mean gap between a bin's mean score and its share of threats. */
    static double expectedCalibrationError(List<Scored> scans) {
        return reliability(scans).stream().mapToDouble(b -> b.scans() * Math.abs(b.meanScore() - b.threatShare())).sum() / scans.size();
    }

    private static void writePredictions(List<Scored> scans, Path file) throws IOException {
        List<List<String>> rows = scans.stream().map(scan -> List.of(scan.label().file(),
                String.format(Locale.ROOT, "%.6f", scan.analysis().threatScore()),
                String.format(Locale.ROOT, "%.6f", scan.analysis().emptyScore()),
                scan.analysis().regions().stream()
                        .map(r -> String.format(Locale.ROOT, "%d %d %d %d %.4f", r.x(), r.y(), r.width(), r.height(), r.score()))
                        .collect(Collectors.joining(";")))).toList();
        Csv.write(file, List.of("file", "threat_score", "empty_score", "boxes"), rows);
    }
}
