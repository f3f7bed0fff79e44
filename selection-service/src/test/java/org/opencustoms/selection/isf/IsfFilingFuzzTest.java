package org.opencustoms.selection.isf;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.JsonFuzzer;
import org.opencustoms.selection.Actors;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throws thousands of mutated filings at the intake: none may cause a 5xx, every rejection must be
 * problem+json, and rejected requests must leave the stored data exactly as it was.
 */
@QuarkusTest
class IsfFilingFuzzTest {

    private static final int FILINGS = 1800;
    private static final int AMENDMENTS = 200;

    private final JsonFuzzer fuzzer = new JsonFuzzer(20261128L);
    private final Random random = new Random(20261201L);

    @Test
    void mutatedFilingsNeverBreakTheServiceNorChangeStoredData() {
        String baseline = IsfFilingApiTest.post(IsfFixtures.isf10()).then().statusCode(201).extract().header("Location");
        long before = total();

        JsonFuzzer.Tally filed = fuzzer.send(FILINGS, this::validFiling, Actors::importer,
                (request, body) -> request.body(body).when().post(IsfFilingApiTest.FILINGS));
        JsonFuzzer.Tally amended = fuzzer.send(AMENDMENTS, this::validFiling, Actors::importer,
                (request, body) -> request.body(body).when().put(baseline));

        assertEquals(before + filed.accepted(), total(), "only accepted filings are stored");
        assertTrue(filed.rejected() > FILINGS / 2, "the mutations should mostly be invalid, were " + filed.rejected() + " of " + FILINGS);
        int versions = Actors.importer().get(baseline + "/versions").then().statusCode(200).extract().path("size()");
        assertEquals(1 + amended.accepted(), versions, "only accepted amendments add a version");
    }

    private java.util.Map<String, Object> validFiling() {
        return random.nextBoolean() ? IsfFixtures.isf10() : IsfFixtures.isf5(List.of("FROB", "IE", "TE").get(random.nextInt(3)));
    }

    private long total() {
        return ((Number) Actors.importer().queryParam("size", 1).get(IsfFilingApiTest.FILINGS).then().statusCode(200)
                .extract().path("total")).longValue();
    }
}
