package org.opencustoms.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The platform's public APIs as a patient client calls them: a connection refused or a 502/503/504 (a service
 * restarting) is tried again, with the same headers, so that the Idempotency-Key makes a repeat harmless.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private Api() {
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        boolean ok() {
            return status / 100 == 2;
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static Reply get(String url, Map<String, String> headers) {
        return call("GET", url, null, headers);
    }

    static Reply post(String url, Object body, Map<String, String> headers) {
        return call("POST", url, body, headers);
    }

    static Reply put(String url, Object body, Map<String, String> headers) {
        return call("PUT", url, body, headers);
    }

    /** Retries while the service is unreachable or restarting; throws once it has been so for three minutes. */
    static Reply call(String method, String url, Object body, Map<String, String> headers) {
        return await(method + " " + url + " to be answered").atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .pollInSameThread().dontCatchUncaughtExceptions()
                .until(() -> attempt(method, url, body, headers), attempt -> attempt.reply() != null).reply();
    }

    /** One try: the reply, or (reply null) why there is none yet, which is what a timeout reports. */
    private record Attempt(Reply reply, String failure) {

        @Override
        public String toString() {
            return failure;
        }
    }

    private static Attempt attempt(String method, String url, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 502 && response.statusCode() != 503 && response.statusCode() != 504) {
                String text = response.body();
                return new Attempt(new Reply(response.statusCode(), text == null || text.isBlank() ? JSON.nullNode() : parse(text), response), null);
            }
            return new Attempt(null, response.statusCode() + " " + response.body());
        } catch (IOException e) {
            return new Attempt(null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Reply require(Reply reply, String what) {
        if (!reply.ok()) {
            throw new AssertionError(what + ": " + reply.status() + " " + reply.body());
        }
        return reply;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
