package org.opencustoms.scan.analysis;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencustoms.scan.sim.SimulationOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenCV Mats and PyTorch tensors live outside the Java heap, where a leak shows only in the process's
 * resident memory. This runs in a JVM whose heap is fixed and touched up front ({@code -Xms = -Xmx},
 * {@code -XX:+AlwaysPreTouch}; the {@code pytorch} execution in the pom), so RSS growth after warm-up
 * is native memory.
 */
@Tag("pytorch")
class NativeMemoryTest {

    private static final int WARM_UP = 60;
    private static final int ANALYSES = 200;
    /**
     * The floor of the resident set over the first and the second half of the run is compared: the
     * allocator keeps and returns freed blocks in bursts of some 20 MB, while a leak raises the floor.
     */
    private static final int WINDOW = ANALYSES / 2;
    /**
     * Leaking any image-sized buffer (the 1.3 MP scan as floats is 5 MB, the detector's input 1.4 MB) would raise
     * the floor by 400 MB or more between the halves; one-off steps of about 50 MB (the allocator keeping a
     * new arena, JIT compilations) have been seen once in a run and stay.
     */
    private static final long ALLOWED_GROWTH_BYTES = 128L << 20;

    @Test
    void residentMemoryStaysFlatOverTwoHundredAnalyses() throws IOException {
        SimulatedScan scan = new ScanSimulator(SimulationOptions.defaults().withModality(ModalityChoice.XRAY).withScale(0.35)
                .withThreatRate(1).withEmptyRate(0)).simulate(2_718, 0);
        try (ScanModels models = ScanModels.loadShipped(); ScanAnalyzer analyzer = models.newAnalyzer()) {
            for (int i = 0; i < WARM_UP; i++) {
                analyseAndRender(analyzer, scan);
            }
            long[] resident = new long[ANALYSES];
            StringBuilder trace = new StringBuilder();
            for (int i = 0; i < ANALYSES; i++) {
                analyseAndRender(analyzer, scan);
                resident[i] = residentBytes();
                if ((i + 1) % 25 == 0) {
                    trace.append(String.format(" %d:%.1f", i + 1, resident[i] / 1048576.0));
                }
            }
            long before = Arrays.stream(resident, 0, WINDOW).min().orElseThrow();
            long after = Arrays.stream(resident, ANALYSES - WINDOW, ANALYSES).min().orElseThrow();
            long peak = Arrays.stream(resident).max().orElseThrow();
            System.out.printf("native memory over %d analyses of a %d x %d scan (after %d warm-up): RSS floor %.1f MB (first %d analyses) -> %.1f MB "
                            + "(last %d), peak %.1f MB; MB after N:%s%n"
                            + "(./mvnw test -pl scan-analysis-service -Dtest=NativeMemoryTest -Dsurefire.failIfNoSpecifiedTests=false)%n",
                    ANALYSES, scan.width(), scan.height(), WARM_UP, before / 1048576.0, WINDOW, after / 1048576.0, WINDOW, peak / 1048576.0,
                    trace);
            assertTrue(after - before < ALLOWED_GROWTH_BYTES, String.format("RSS grew by %.1f MB", (after - before) / 1048576.0));
        }
    }

    private static void analyseAndRender(ScanAnalyzer analyzer, SimulatedScan scan) {
        analyzer.analyseAndRender(scan.image(), scan.modality(), scan.i0(), 2048); // what each service worker does
    }

    /** VmRSS of this process, from /proc (Linux, where the service runs). */
    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
