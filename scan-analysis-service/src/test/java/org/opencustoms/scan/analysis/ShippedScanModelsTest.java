package org.opencustoms.scan.analysis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opencustoms.tools.scan.DetectionMetrics;
import org.opencustoms.tools.scan.ThreatClasses;
import org.opencustoms.scan.imaging.Box;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencustoms.scan.sim.SimulationOptions;
import org.opencustoms.scan.sim.threats.ThreatBox;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parameters the product ships, run by DJL's PyTorch engine over scans from seeds the training
 * never saw (training uses seed 7 and its validation seed 1000010). Each threat scan is compared with the same
 * scan rendered without its threats, so the test asks what the model must do: score the threat higher and point
 * at it, naming a kind of threat.
 */
@Tag("pytorch") // in its own JVM: see the pytorch execution in the pom
class ShippedScanModelsTest {

    private static final SimulationOptions THREATS = SimulationOptions.defaults().withModality(ModalityChoice.XRAY).withScale(0.5)
            .withThreatRate(1).withEmptyRate(0);

    private static ScanModels models;
    private static ScanAnalyzer analyzer;

    @BeforeAll
    static void load() {
        models = ScanModels.loadShipped();
        analyzer = models.newAnalyzer();
    }

    @AfterAll
    static void close() {
        analyzer.close();
        models.close();
    }

    /**
     * A region must appear where the threat is and not where the same scan without it is: the detection is
     * caused by the threat, not by the cargo around it.
     */
    @Test
    void threatsAreFoundWhereTheyAreAndNotInTheSameScanWithoutThem() {
        ScanSimulator with = new ScanSimulator(THREATS);
        ScanSimulator without = new ScanSimulator(THREATS.withThreatProjection(false));
        int boxes = 0;
        int foundBecauseOfTheThreat = 0;
        int notBelowTwin = 0;
        int rightClass = 0;
        int scans = 8;
        for (int index = 0; index < scans; index++) {
            SimulatedScan threat = with.simulate(424_242, index);
            SimulatedScan clean = without.simulate(424_242, index);
            ScanAnalysis found = analyzer.analyse(threat.image(), threat.modality(), threat.i0());
            ScanAnalysis plain = analyzer.analyse(clean.image(), clean.modality(), clean.i0());
            notBelowTwin += found.threatScore() >= plain.threatScore() - 1e-6 ? 1 : 0;
            for (ThreatBox truth : threat.threats()) {
                boxes++;
                Box box = truth.box();
                if (DetectionMetrics.localised(box, found.regions()) && !DetectionMetrics.localised(box, plain.regions())) {
                    foundBecauseOfTheThreat++;
                    rightClass += found.regions().stream().filter(r -> DetectionMetrics.localised(box, List.of(r)))
                            .anyMatch(r -> r.threatClass() == ThreatClasses.of(truth.kind())) ? 1 : 0;
                }
            }
            assertEquals(models.version(), found.modelVersion());
            assertTrue(found.threatScore() >= 0 && found.threatScore() <= 1);
            for (ScanAnalysis.Region region : found.regions()) {
                assertTrue(region.x() >= 0 && region.y() >= 0 && region.x() + region.width() <= threat.width()
                        && region.y() + region.height() <= threat.height(), region + " leaves the image");
            }
        }
        System.out.printf("shipped models %s: %d of %d threats found where they are and not in their clean twin (%d of them with "
                + "their class); threat scan scored at least its twin in %d of %d%n", models.version(), foundBecauseOfTheThreat, boxes,
                rightClass, notBelowTwin, scans);
        // the shipped detector finds 2 of these 9, both with their class, and scores 7 of the 8 threat scans at least as high
        // as their twins (docs/scan-analysis.md): a floor against regressions, not the goal; an untrained or inverted detector
        // finds none, since its regions do not depend on the threat
        assertTrue(foundBecauseOfTheThreat >= Math.max(1, boxes / 4), "only " + foundBecauseOfTheThreat + " of " + boxes + " threats found");
        assertTrue(2 * rightClass >= foundBecauseOfTheThreat, "only " + rightClass + " of " + foundBecauseOfTheThreat + " found with their class");
        assertTrue(notBelowTwin >= scans - 1, "adding a threat lowered the score in " + (scans - notBelowTwin) + " scans");
    }

    @Test
    void emptyContainersAreToldFromLoadedOnes() {
        SimulationOptions options = SimulationOptions.defaults().withModality(ModalityChoice.MIXED).withScale(0.5).withThreatRate(0);
        int right = 0;
        int scans = 8;
        for (int index = 0; index < scans; index++) {
            SimulatedScan empty = new ScanSimulator(options.withEmptyRate(1)).simulate(515_151, index);
            SimulatedScan loaded = new ScanSimulator(options.withEmptyRate(0)).simulate(515_151, index);
            right += analyzer.analyse(empty.image(), empty.modality(), empty.i0()).emptyScore() >= 0.5 ? 1 : 0;
            right += analyzer.analyse(loaded.image(), loaded.modality(), loaded.i0()).emptyScore() < 0.5 ? 1 : 0;
        }
        System.out.printf("empty-container verifier: %d of %d right%n", right, 2 * scans);
        assertTrue(right >= 2 * scans - 2, right + " of " + 2 * scans);
    }

    @Test
    void aDirectoryWithoutModelsIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ScanModels.load(Path.of("src")));
        assertTrue(refused.getMessage().contains("threat-detector-0000.params"), refused.getMessage());
    }
}
