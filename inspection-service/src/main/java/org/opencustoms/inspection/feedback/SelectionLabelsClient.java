package org.opencustoms.inspection.feedback;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.opencustoms.common.identity.ServiceToken;
import org.opencustoms.common.peer.PeerAnswer;
import org.opencustoms.common.peer.PeerUnavailableException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * selection-service's label intake ({@code POST /api/v1/outcome-labels}). Outages fail with
 * {@link PeerUnavailableException} and trip the breaker; a refused label is an answer. No retry here: the
 * feedback outbox retries with backoff. Timeout and breaker are set in application.properties.
 */
@ApplicationScoped
public class SelectionLabelsClient {

    public static final String PEER = "selection-service";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI labels;
    private final Config config;

    public SelectionLabelsClient(@ConfigProperty(name = "inspection.selection-url") String selectionUrl, Config config) {
        this.labels = URI.create(selectionUrl + "/api/v1/outcome-labels");
        this.config = config;
    }

    @Timeout
    @CircuitBreaker(failOn = {PeerUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName("selection-labels")
    public PeerAnswer send(String label) {
        HttpRequest request = HttpRequest.newBuilder(labels).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", ServiceToken.authorization(config))
                .POST(HttpRequest.BodyPublishers.ofString(label)).build();
        return PeerUnavailableException.exchange(PEER, http, request);
    }
}
