package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.ScanAnalyzer;
import org.opencustoms.scan.analysis.ScanModels;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencustoms.scan.sim.SimulationOptions;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Times scan-analysis-service's pipeline called in-process: the models, OpenCV and the display rendition
 * ({@link ScanAnalyzer#analyseAndRender}) on the simulated scans the simulated scanner would stream with the same
 * seed and options, after unmeasured full-resolution warm-up scans. The floor the service's figures are set against:
 * no gRPC, no store, no queue, no database.
 */
final class AnalysisTiming {

    /** Seeds of their own for the warm-up, so that the measured scans are the same with or without one. */
    private static final long WARM_UP_SEED_OFFSET = 2_000_003;

    record Options(SimulationOptions simulation, long seed, int scans, int warmUpScans, int renditionWidth) {
    }

    private final PrintStream out;

    AnalysisTiming(PrintStream out) {
        this.out = out;
    }

    void run(ScanModels models, Options options) {
        out.println("model: " + models.version());
        try (ScanAnalyzer analyzer = models.newAnalyzer()) {
            ScanSimulator warmUp = new ScanSimulator(options.simulation().withScale(1.0));
            for (int index = 0; index < options.warmUpScans(); index++) {
                SimulatedScan scan = warmUp.simulate(options.seed() + WARM_UP_SEED_OFFSET, index);
                analyzer.analyseAndRender(scan.image(), scan.modality(), scan.i0(), options.renditionWidth());
            }
            ScanSimulator simulator = new ScanSimulator(options.simulation());
            double megapixels = 0;
            double millis = 0;
            for (int index = 0; index < options.scans(); index++) {
                SimulatedScan scan = simulator.simulate(options.seed(), index);
                long started = System.nanoTime();
                ScanAnalyzer.Rendered rendered = analyzer.analyseAndRender(scan.image(), scan.modality(), scan.i0(),
                        options.renditionWidth());
                double scanMillis = (System.nanoTime() - started) / 1e6;
                double scanMegapixels = rendered.analysis().timings().megapixels();
                megapixels += scanMegapixels;
                millis += scanMillis;
                out.printf(Locale.ROOT, "  scan %d  %dx%d  %.1f MP  %.1f ms  %.1f ms/MP  (models %.0f ms, rendition %.0f ms)%n", index,
                        scan.width(), scan.height(), scanMegapixels, scanMillis, scanMillis / scanMegapixels,
                        rendered.analysis().timings().totalMillis(), rendered.renditionMillis());
            }
            out.printf(Locale.ROOT, "in-process: %d scans, %.2f MP a scan, %.1f ms a scan, %.2f ms/MP%n", options.scans(),
                    megapixels / options.scans(), millis / options.scans(), millis / megapixels);
        }
    }
}
