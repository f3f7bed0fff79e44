package org.opencustoms.scan.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for inspection-service that the tests can make fail. It records every finding posted to it
 * with the answer it gave, and serves that record at {@code GET /recorded} (one line per request:
 * status, path, Authorization header, body), because the test and this resource do not share class
 * loaders. {@code POST /control/fail?scan=ID&times=N} makes the next N findings of that scan fail with 503; the all-zero
 * inspection id is an inspection it does not know (404).
 *
 * <p>The analysis runs with one worker, a one-scan queue and a backlog of 4 here, so the tests can overload it.
 */
public class InspectionStandIn implements QuarkusTestResourceLifecycleManager {

    static final String UNKNOWN_INSPECTION = "00000000-0000-0000-0000-000000000000";

    private final List<String> recorded = new ArrayList<>();
    private static final Pattern SCAN_ID = Pattern.compile("\"scanId\":\\s*\"([^\"]+)\"");

    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/", this::finding);
        server.createContext("/recorded", exchange -> {
            String all;
            synchronized (recorded) {
                all = String.join("\n", recorded);
            }
            answer(exchange, 200, all);
        });
        server.createContext("/control/fail", exchange -> {
            Map<String, String> query = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            failures.put(query.get("scan"), Integer.parseInt(query.get("times")));
            answer(exchange, 204, "");
        });
        server.start();
        return Map.of(
                "scan.findings.inspection-url", url(),
                "scan.findings.every", "1s",
                "outbox.findings.first-retry", "PT0.2S",
                "outbox.findings.max-retry", "PT0.5S",
                "scan.analysis.workers", "1",
                "scan.analysis.queue-capacity", "1",
                "scan.analysis.max-backlog", "400",
                "scan.analysis.resume-backlog", "2");
    }

    private void finding(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        int status;
        Matcher scanId = SCAN_ID.matcher(body);
        Integer failing = scanId.find() ? failures.computeIfPresent(scanId.group(1), (id, n) -> n - 1) : null;
        if (failing != null && failing >= 0) {
            status = 503;
        } else if (path.startsWith("/api/v1/inspections/" + UNKNOWN_INSPECTION)) {
            status = 404;
        } else if (path.equals("/api/v1/scan-findings") || path.matches("/api/v1/inspections/[0-9a-f-]{36}/scan-findings")) {
            status = 201;
        } else {
            status = 400;
        }
        synchronized (recorded) {
            recorded.add(status + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization") + " " + body.replace('\n', ' '));
        }
        answer(exchange, status, "{}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
