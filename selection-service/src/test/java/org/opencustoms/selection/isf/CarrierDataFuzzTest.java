package org.opencustoms.selection.isf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.JsonFuzzer;
import org.opencustoms.testing.TestTokens;
import org.opencustoms.selection.Actors;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Mutated stow plans and status messages: no 5xx, refusals as problems, and only accepted ones stored. */
@QuarkusTest
class CarrierDataFuzzTest {

    private static final int REQUESTS = 1000;

    private final JsonFuzzer fuzzer = new JsonFuzzer(20261202L);
    private final String subject = "fuzzing-carrier-" + System.nanoTime();

    @Test
    void mutatedCarrierDataNeverBreaksTheServiceAndOnlyAcceptedDataIsKept() {
        String container = IsfFixtures.container();
        JsonFuzzer.Tally plans = fuzzer.send(REQUESTS, () -> CarrierDataApiTest.stowPlan(IsfFixtures.voyage(), List.of(container)),
                this::carrier, (request, body) -> request.body(body).post("/api/v1/stow-plans"));
        JsonFuzzer.Tally messages = fuzzer.send(REQUESTS, () -> statusMessage(container), this::carrier,
                (request, body) -> request.body(body).post("/api/v1/container-status-messages"));

        assertEquals(plans.accepted(), changes("STOW_PLAN"), "stored stow plans");
        assertEquals(messages.accepted(), changes("STATUS_MESSAGE"), "stored status messages");
    }

    private RequestSpecification carrier() {
        return TestTokens.bearer(TestTokens.of(Roles.CARRIER, subject, List.of(), Actors.CARRIER));
    }

    private int changes(String kind) {
        int total = 0;
        for (int page = 0; ; page++) {
            int found = Actors.as(Roles.AUDITOR).queryParam("subject", subject).queryParam("kind", kind).queryParam("size", 500)
                    .queryParam("page", page).get("/api/v1/admin/changes").then().statusCode(200).extract().path("size()");
            total += found;
            if (found < 500) {
                return total;
            }
        }
    }

    private static Map<String, Object> statusMessage(String container) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("containerNumber", container);
        message.put("eventCode", "LOADED");
        message.put("eventAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).toString());
        message.put("place", "CNYTN");
        message.put("vessel", new LinkedHashMap<>(Map.of("name", "MAERSK ESSEN", "imoNumber", "9632179", "voyage", "V123456")));
        return message;
    }
}
