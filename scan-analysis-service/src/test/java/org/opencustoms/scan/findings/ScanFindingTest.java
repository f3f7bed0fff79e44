package org.opencustoms.scan.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opencustoms.scan.analysis.ScanAnalysis;
import org.opencustoms.scan.analysis.ThreatClass;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.ScanStatus;
import org.opencustoms.scan.catalog.StoredAnalysis;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanFindingTest {

    @Test
    void eachRegionCarriesItsScoreAndThreatClassByWireNameInTheRenditionsPixels() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ScanRecord scan = new ScanRecord("SCAN-1", "scanner", "site", "XRAY", 6.0, null, 1, 4000, 1000, 16, 5.0, 60_000,
                List.of("MSCU1234566"), null, null, now, 8_000_000, "0".repeat(64), ScanStatus.ANALYSED, now);
        StoredAnalysis analysis = new StoredAnalysis("SCAN-1", "scan-test", 0.9, 0.01,
                List.of(new ScanAnalysis.Region(2000, 400, 400, 200, 0.9, ThreatClass.CONCEALED_COMPARTMENT),
                        new ScanAnalysis.Region(100, 100, 40, 40, 0.6, null)),
                new ScanAnalysis.Timings(1, 2, 3, 4), 5, 6, 2000, 500, "1".repeat(64), "2".repeat(64), now);

        ScanFinding finding = ScanFinding.of(scan, analysis).orElseThrow();
        assertEquals(new ScanFinding.Region(1000, 200, 200, 100, 0.9, ScanFinding.REGION_LABEL, "concealed-compartment"),
                finding.regions().get(0));
        assertEquals(new ScanFinding.Region(50, 50, 20, 20, 0.6, ScanFinding.REGION_LABEL, null), finding.regions().get(1));

        JsonNode json = new ObjectMapper().findAndRegisterModules().valueToTree(finding);
        assertEquals("concealed-compartment", json.at("/regions/0/threatClass").asText());
        assertEquals(0.9, json.at("/regions/0/score").asDouble());
        assertEquals("Suspect region", json.at("/regions/0/label").asText(), "the label stays for readers that show it");
        assertTrue(json.at("/regions/1").has("threatClass") && json.at("/regions/1/threatClass").isNull(), "an unknown class is null");
    }
}
