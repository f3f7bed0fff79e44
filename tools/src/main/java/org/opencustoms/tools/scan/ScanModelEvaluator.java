package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.ScanAnalysis;
import org.opencustoms.scan.analysis.ScanAnalyzer;
import org.opencustoms.scan.analysis.ScanModels;

import org.opencustoms.scan.imaging.Box;
import org.opencustoms.scan.imaging.EvaluationSet;
import org.opencustoms.scan.imaging.EvaluationSetReader;
import org.opencustoms.scan.imaging.Image16;
import org.opencustoms.scan.imaging.Modality;
import org.opencustoms.scan.imaging.ScanLabel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
                                  double msPerMegapixel) {
    }

    public record Evaluation(String modelVersion, int scans, Map<String, ModalityMetrics> modalities) {

        public String toJson() {
            String body = modalities.entrySet().stream().map(e -> {
                ModalityMetrics m = e.getValue();
                return String.format(Locale.ROOT, """
                            "%s": {
                              "scans": %d, "threatScans": %d, "emptyScans": %d,
                              "threatAuc": %s,
                              "detectionRateAt5PercentFalseAlarms": %s,
                              "thresholdAt5PercentFalseAlarms": %s,
                              "threatBoxes": %d, "localisedBoxShare": %s,
                              "emptyAccuracy": %s,
                              "msPerMegapixel": %.1f
                            }""", e.getKey(), m.scans(), m.threatScans(), m.emptyScans(), number(m.threatAuc()),
                        number(m.detectionRateAt5PercentFalseAlarms()), number(m.thresholdAt5PercentFalseAlarms()), m.threatBoxes(),
                        number(m.localisedBoxShare()), number(m.emptyAccuracy()), m.msPerMegapixel());
            }).collect(Collectors.joining(",\n"));
            return String.format(Locale.ROOT, "{%n  \"modelVersion\": \"%s\",%n  \"scans\": %d,%n  \"modalities\": {%n%s%n  }%n}",
                    modelVersion, scans, body);
        }

        private static String number(Double value) {
            return value == null || value.isNaN() || value.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", value);
        }
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
                boxes == 0 ? null : (double) localised / boxes, (double) emptyRight / scans.size(), millis / megapixels);
    }

    private static void writePredictions(List<Scored> scans, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("file,threat_score,empty_score,boxes\n");
            for (Scored scan : scans) {
                String boxes = scan.analysis().regions().stream()
                        .map(r -> String.format(Locale.ROOT, "%d %d %d %d %.4f", r.x(), r.y(), r.width(), r.height(), r.score()))
                        .collect(Collectors.joining(";"));
                out.write(String.format(Locale.ROOT, "%s,%.6f,%.6f,%s%n", csv(scan.label().file()), scan.analysis().threatScore(),
                        scan.analysis().emptyScore(), boxes));
            }
        }
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
