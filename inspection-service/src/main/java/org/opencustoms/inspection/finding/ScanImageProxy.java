package org.opencustoms.inspection.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencustoms.common.identity.ServiceToken;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches display images from scan-analysis-service, so the tablet app talks to one origin (which its
 * service worker and sign-in cover) and never to the scan service directly. The analysis's rendition
 * (CLAHE contrast, the size the finding's regions are given in) is preferred; a scan whose analysis is
 * not there falls back to the plain rendition of the stored scan.
 */
@ApplicationScoped
public class ScanImageProxy {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "inspection.scan-analysis-url")
    String scanAnalysisUrl;
    @Inject
    Config config;

    byte[] fetch(String scanId, int width) {
        String scan = scanAnalysisUrl + "/api/v1/scans/" + URLEncoder.encode(scanId, StandardCharsets.UTF_8);
        try {
            HttpResponse<byte[]> response = get(URI.create(scan + "/analysis/rendition?regions=false"));
            if (response.statusCode() == 404 || response.statusCode() == 409) {
                response = get(URI.create(scan + "/image?width=" + Math.max(16, Math.min(4096, width))));
            }
            if (response.statusCode() != 200) {
                throw unavailable("scan-analysis-service answered " + response.statusCode() + " for the image of scan " + scanId);
            }
            return response.body();
        } catch (IOException e) {
            throw unavailable("scan-analysis-service cannot be reached for the image of scan " + scanId + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while fetching the image of scan " + scanId);
        }
    }

    private HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        String authorization;
        try {
            authorization = ServiceToken.authorization(config);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw unavailable("this service has no token to fetch scan images with: " + e.getMessage());
        }
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(502, "scan-image-unavailable", "Bad gateway", detail));
    }
}
