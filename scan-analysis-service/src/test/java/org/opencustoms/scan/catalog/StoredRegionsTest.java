package org.opencustoms.scan.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opencustoms.scan.analysis.ScanAnalysis;
import org.opencustoms.scan.analysis.ThreatClass;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code regions} jsonb column: the threat class is stored by its wire name and comes back as it went in. */
class StoredRegionsTest {

    private final AnalysisRepository repository = new AnalysisRepository(null, new ObjectMapper());

    @Test
    void regionsAndTheirThreatClassesRoundTrip() {
        List<ScanAnalysis.Region> regions = List.of(new ScanAnalysis.Region(10, 20, 30, 40, 0.9, ThreatClass.DENSE_SHIELDING),
                new ScanAnalysis.Region(1, 2, 3, 4, 0.6, null));
        String stored = repository.write(regions);
        assertTrue(stored.contains("\"threatClass\":\"dense-shielding\""), stored);
        assertEquals(regions, repository.read(stored));
    }

    @Test
    void regionsStoredBeforeThreatClassesHaveNone() {
        assertEquals(List.of(new ScanAnalysis.Region(10, 20, 30, 40, 0.9, null)),
                repository.read("[{\"x\":10,\"y\":20,\"width\":30,\"height\":40,\"score\":0.9}]"));
    }
}
