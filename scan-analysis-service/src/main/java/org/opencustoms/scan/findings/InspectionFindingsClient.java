package org.opencustoms.scan.findings;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.opencustoms.common.identity.ServiceToken;
import org.opencustoms.common.peer.PeerAnswer;
import org.opencustoms.common.peer.PeerUnavailableException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * Posts findings to inspection-service: by inspection when the scanner named one, else by container number.
 * Outages fail with {@link PeerUnavailableException} and trip the breaker; a refused finding is an answer. No
 * retry here: the findings outbox retries with backoff. Timeout and breaker are set in application.properties.
 */
@ApplicationScoped
@Timeout
@CircuitBreaker(failOn = {PeerUnavailableException.class, TimeoutException.class})
public class InspectionFindingsClient {

    public static final String PEER = "inspection-service";

    private final FindingsConfig findings;
    private final Config config;
    private final HttpClient http;

    public InspectionFindingsClient(FindingsConfig findings, Config config) {
        this.findings = findings;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(findings.timeout()).build();
    }

    public PeerAnswer postToInspection(String inspectionId, String finding) {
        return post("/api/v1/inspections/" + inspectionId + "/scan-findings", finding);
    }

    public PeerAnswer postByContainer(String finding) {
        return post("/api/v1/scan-findings", finding);
    }

    private PeerAnswer post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(findings.inspectionUrl().toString().replaceAll("/+$", "") + path))
                .timeout(findings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", ServiceToken.authorization(config))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return PeerUnavailableException.exchange(PEER, http, request);
    }
}
