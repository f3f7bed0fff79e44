package org.opencustoms.inspection.finding;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.opencustoms.common.identity.ServiceToken;
import org.opencustoms.common.peer.PeerAnswer;
import org.opencustoms.common.peer.PeerUnavailableException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * scan-analysis-service's display images: the analysis's rendition (CLAHE contrast, the size the finding's
 * regions are given in), or the stored scan's plain rendition when the analysis is not there. A GET, so
 * retried; timeout, retries and breaker are set in application.properties.
 */
@ApplicationScoped
public class ScanImagesClient {

    public static final String PEER = "scan-analysis-service";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String scanAnalysisUrl;
    private final Config config;

    public ScanImagesClient(@ConfigProperty(name = "inspection.scan-analysis-url") String scanAnalysisUrl, Config config) {
        this.scanAnalysisUrl = scanAnalysisUrl;
        this.config = config;
    }

    @Timeout
    @Retry(retryOn = {PeerUnavailableException.class, TimeoutException.class})
    @CircuitBreaker(failOn = {PeerUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName("scan-images")
    public Image displayImage(String scanId, int width) {
        String scan = scanAnalysisUrl + "/api/v1/scans/" + URLEncoder.encode(scanId, StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = get(URI.create(scan + "/analysis/rendition?regions=false"));
        if (response.statusCode() == 404 || response.statusCode() == 409) {
            response = get(URI.create(scan + "/image?width=" + Math.max(16, Math.min(4096, width))));
        }
        PeerUnavailableException.unlessOutage(PEER, new PeerAnswer(response.statusCode(), ""));
        return new Image(response.statusCode(), response.body());
    }

    private HttpResponse<byte[]> get(URI uri) {
        String authorization;
        try {
            authorization = ServiceToken.authorization(config);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new PeerUnavailableException("this service has no token to fetch scan images with: " + e.getMessage(), e);
        }
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PeerUnavailableException(PEER + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted while calling " + PEER, e);
        }
    }

    /** {@code status} 200 with the PNG, or the status a non-outage refusal came with. */
    public record Image(int status, byte[] png) {
    }
}
