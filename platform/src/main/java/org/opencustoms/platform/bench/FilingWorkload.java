package org.opencustoms.platform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.platform.demo.ShipmentTraffic;
import org.opencustoms.platform.identity.TokenIssuer;
import org.opencustoms.platform.identity.TokenRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Valid ISF filings, each new, posted to selection-service as their importers (or agents) would: with the filer's
 * own token and an Idempotency-Key. A unit succeeds on 201, when the decision and its log entry are committed.
 */
final class FilingWorkload implements Workload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_TTL = Duration.ofHours(4);

    private final ShipmentTraffic traffic;
    private final TokenIssuer tokens;
    private final URI filings;
    private final HttpClient http;
    private final Map<String, String> tokenByParty = new ConcurrentHashMap<>();

    FilingWorkload(String selectionUrl, TokenIssuer tokens, long seed) {
        this.traffic = new ShipmentTraffic(seed, Instant.now());
        this.tokens = tokens;
        this.filings = URI.create(selectionUrl + "/api/v1/isf-filings");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public Unit prepare(long index) throws IOException {
        ShipmentTraffic.Shipment shipment;
        synchronized (traffic) {
            shipment = traffic.next();
        }
        String party = shipment.filerParty();
        String token = tokenByParty.computeIfAbsent(party, p -> tokens.issue(
                new TokenRequest("bench-filer-" + p.toLowerCase(), Roles.IMPORTER, List.of(), p, TOKEN_TTL)));
        HttpRequest request = HttpRequest.newBuilder(filings)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(shipment.filing())))
                .build();
        return () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IOException("selection-service answered " + response.statusCode() + ": " + response.body());
            }
        };
    }
}
