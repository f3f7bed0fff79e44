package org.opencustoms.selection.isf;

import org.opencustoms.selection.Actors;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.platform.testing.TestTokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Throws thousands of mutated filings at the intake: none may cause a 5xx, every rejection must be
 * problem+json, and rejected requests must leave the stored data exactly as it was.
 */
@QuarkusTest
class IsfFilingFuzzTest {

    private static final int REQUESTS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object[] ODD_VALUES = {
            null, "", " ", 0, -1, 1.5e308, true, List.of(), Map.of(), "ISF_10", "FROB", "XX", "US", "USLAX",
            "MSCU1234565", "9999999999", "0000000000", "12-3456789", "2026-13-45T99:00:00Z", "1970-01-01T00:00:00Z",
            "\u0000", "\uD83D\uDCA5", "x".repeat(5000), List.of(1, 2, 3), Map.of("name", 7), List.of(Map.of()),
            "' OR 1=1 --", "<script>alert(1)</script>"};

    private final Random random = new Random(20261128L);

    @Test
    void mutatedFilingsNeverBreakTheServiceNorChangeStoredData() throws JsonProcessingException {
        String baseline = IsfFilingApiTest.post(IsfFixtures.isf10()).then().statusCode(201).extract().header("Location");
        String baselineBody = Actors.importer().get(baseline).then().statusCode(200).extract().asString();
        long before = total();

        int created = 0;
        int rejected = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String body = mutatedBody();
            boolean amend = i % 10 == 0;
            Response response = amend
                    ? Actors.importer().contentType(ContentType.JSON).header("If-Match", "1").body(body).when().put(baseline)
                    : Actors.importer().contentType(ContentType.JSON).body(body).when().post(IsfFilingApiTest.FILINGS);
            int status = response.statusCode();
            if (status >= 500) {
                fail("request " + i + " got " + status + ": " + response.asString() + "\nbody: " + abbreviate(body));
            }
            if (status >= 400) {
                rejected++;
                assertTrue(response.contentType().startsWith("application/problem+json"),
                        "request " + i + " answered " + status + " as " + response.contentType());
                assertEquals(status, (int) response.path("status"), "problem status of request " + i);
            } else if (amend) {
                // a mutation that is still a valid filing amends the baseline: restore the expectation
                baselineBody = Actors.importer().get(baseline).then().statusCode(200).extract().asString();
            } else {
                created++;
            }
        }

        assertEquals(before + created, total(), "only accepted filings are stored");
        assertTrue(rejected > REQUESTS / 2, "the mutations should mostly be invalid, were " + rejected + " of " + REQUESTS);
        assertEquals(baselineBody, Actors.importer().get(baseline).then().statusCode(200).extract().asString(),
                "rejected amendments leave the filing as it was");
    }

    private long total() {
        return ((Number) Actors.importer().queryParam("size", 1).get(IsfFilingApiTest.FILINGS).then().statusCode(200)
                .extract().path("total")).longValue();
    }

    private String mutatedBody() throws JsonProcessingException {
        Map<String, Object> filing = random.nextBoolean() ? IsfFixtures.isf10()
                : IsfFixtures.isf5(List.of("FROB", "IE", "TE").get(random.nextInt(3)));
        int structural = 1 + random.nextInt(3);
        for (int m = 0; m < structural; m++) {
            mutateStructure(filing);
        }
        String json = JSON.writeValueAsString(filing);
        return random.nextInt(4) == 0 ? mutateText(json) : json;
    }

    private void mutateStructure(Map<String, Object> filing) throws JsonProcessingException {
        List<Object[]> slots = new ArrayList<>();
        collect(filing, slots);
        Object[] slot = slots.get(random.nextInt(slots.size()));
        // a mutable copy, so that later mutations can reach inside it too
        Object value = JSON.readValue(JSON.writeValueAsString(ODD_VALUES[random.nextInt(ODD_VALUES.length)]), Object.class);
        if (slot[0] instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) map;
            switch (random.nextInt(3)) {
                case 0 -> target.remove(slot[1]);
                case 1 -> target.put((String) slot[1], value);
                default -> target.put("unexpected" + random.nextInt(5), value);
            }
        } else {
            @SuppressWarnings("unchecked")
            List<Object> target = (List<Object>) slot[0];
            int index = (Integer) slot[1];
            if (random.nextBoolean()) {
                target.remove(index);
            } else {
                target.set(index, value);
            }
        }
    }

    /** Every (container, key) pair in the tree, so any element at any depth can be hit. */
    private static void collect(Object node, List<Object[]> slots) {
        if (node instanceof Map<?, ?> map) {
            Map<?, ?> copy = new LinkedHashMap<>(map);
            copy.forEach((key, value) -> {
                slots.add(new Object[] {node, key});
                collect(value, slots);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                slots.add(new Object[] {node, i});
                collect(list.get(i), slots);
            }
        }
    }

    private String mutateText(String json) {
        StringBuilder text = new StringBuilder(json);
        int position = random.nextInt(text.length());
        switch (random.nextInt(4)) {
            case 0 -> text.deleteCharAt(position);
            case 1 -> text.insert(position, "{}[],:\"\\0e-".charAt(random.nextInt(11)));
            case 2 -> text.setLength(position);
            default -> text.insert(position, text.substring(position, Math.min(text.length(), position + 20)));
        }
        return text.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }
}
