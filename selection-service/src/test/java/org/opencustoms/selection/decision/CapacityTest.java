package org.opencustoms.selection.decision;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.opencustoms.selection.Actors;
import org.opencustoms.selection.isf.IsfFixtures;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A port's daily capacity counts the shipments still selected: a filer cannot use it up with filings it withdraws. */
@QuarkusTest
class CapacityTest {

    @Test
    void withdrawnFilingsGiveTheirPlaceBack() {
        String first = fileRisky();
        assertEquals("PHYSICAL_EXAM", lane(first));
        Actors.importer().delete(first).then().statusCode(200);

        String second = fileRisky();
        assertEquals("PHYSICAL_EXAM", lane(second), "the withdrawn filing no longer holds Baltimore's one place");

        JsonPath third = DecisionApiTest.decisionOf(fileRisky());
        assertTrue(third.getBoolean("decision.pickedAtRandom") || "DOCUMENT_REVIEW".equals(third.getString("decision.lane")),
                "the place is taken: " + third.getString("decision.lane"));
    }

    private static String fileRisky() {
        Map<String, Object> filing = IsfFixtures.isf10();
        IsfFixtures.with(filing, "portOfArrival", "USBAL");
        IsfFixtures.with(filing, "commodityLines[0].countryOfOrigin", "KP");
        IsfFixtures.with(filing, "commodityLines[0].htsNumber", "9306.30.4100");
        return IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");
    }

    private static String lane(String location) {
        return DecisionApiTest.decisionOf(location).getString("decision.lane");
    }
}
