package org.opencustoms.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutated JSON for the services' fuzz tests, seeded so a failure repeats: a valid body with elements
 * removed, replaced by odd values or joined by unknown ones, at any depth, and sometimes its text broken.
 * {@link #send} throws them at an endpoint and holds every answer to what a client relies on: no 5xx, no
 * hang, and every refusal a problem+json with its status.
 */
public final class JsonFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object[] ODD_VALUES = {
            null, "", " ", 0, -1, 1.5e308, -9.2e18, true, List.of(), Map.of(), "ISF_10", "FROB", "XX", "US", "USLAX",
            "MSCU1234565", "9999999999", "0000000000", "12-3456789", "2026-13-45T99:00:00Z", "1970-01-01T00:00:00Z",
            "00000000-0000-0000-0000-000000000000", "\u0000", "\uD83D\uDCA5", "x".repeat(5000), List.of(1, 2, 3), Map.of("name", 7),
            List.of(Map.of()), "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "=HYPERLINK(\"x\")"};
    /** Long enough for a stuck request to show as a failure rather than a stuck build. */
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 15_000));

    private final Random random;

    public JsonFuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** What the endpoint made of the fuzzed requests: 2xx answers, of them 201 Created, and refusals. */
    public record Tally(int accepted, int created, int rejected) {
    }

    /**
     * Sends {@code count} mutations of the templates' bodies with {@code send(request, body)}, the request
     * already given a timeout, and checks each answer.
     */
    public Tally send(int count, Supplier<Map<String, Object>> template, Supplier<RequestSpecification> request,
                      BiFunction<RequestSpecification, String, Response> send) {
        int accepted = 0;
        int created = 0;
        int rejected = 0;
        for (int i = 0; i < count; i++) {
            String body = mutate(template.get());
            Response response = send.apply(request.get().config(TIMEOUTS).contentType("application/json"), body);
            int status = response.statusCode();
            if (status >= 500) {
                fail("request " + i + " got " + status + ": " + response.asString() + "\nbody: " + abbreviate(body));
            }
            if (status >= 400) {
                rejected++;
                assertTrue(response.contentType().startsWith("application/problem+json"),
                        "request " + i + " answered " + status + " as " + response.contentType() + "\nbody: " + abbreviate(body));
                assertEquals(status, (int) response.path("status"), "the problem's status of request " + i);
            } else {
                accepted++;
                created += status == 201 ? 1 : 0;
            }
        }
        return new Tally(accepted, created, rejected);
    }

    /** One mutation of the body: one to three structural changes, and a broken text one time in four. */
    public String mutate(Map<String, Object> body) {
        try {
            Map<String, Object> copy = JSON.readValue(JSON.writeValueAsString(body), JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
            int structural = 1 + random.nextInt(3);
            for (int m = 0; m < structural; m++) {
                mutateStructure(copy);
            }
            String json = JSON.writeValueAsString(copy);
            return random.nextInt(4) == 0 ? mutateText(json) : json;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void mutateStructure(Map<String, Object> body) throws JsonProcessingException {
        List<Object[]> slots = new ArrayList<>();
        collect(body, slots);
        if (slots.isEmpty()) {
            body.put("unexpected", null);
            return;
        }
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

    public static String abbreviate(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }
}
