package org.opencustoms.inspection.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.opencustoms.common.peer.PeerUnavailableException;
import org.opencustoms.common.peer.Peers;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;

/**
 * Fetches display images from scan-analysis-service, so the tablet app talks to one origin (which its
 * service worker and sign-in cover) and never to the scan service directly. An outage of scan-analysis-service
 * is a 502 for the tablet and a degraded peer in this service's readiness data, never a reason to be not-ready.
 */
@ApplicationScoped
public class ScanImageProxy {

    private final ScanImagesClient client;
    private final Peers peers;

    public ScanImageProxy(ScanImagesClient client, Peers peers) {
        this.client = client;
        this.peers = peers;
    }

    byte[] fetch(String scanId, int width) {
        try {
            ScanImagesClient.Image image = client.displayImage(scanId, width);
            peers.reachable(ScanImagesClient.PEER);
            if (image.status() != 200) {
                throw unavailable("scan-analysis-service answered " + image.status() + " for the image of scan " + scanId);
            }
            return image.png();
        } catch (PeerUnavailableException | TimeoutException | CircuitBreakerOpenException e) {
            peers.unreachable(ScanImagesClient.PEER, String.valueOf(e.getMessage()));
            throw unavailable("scan-analysis-service cannot give the image of scan " + scanId + " now: " + e.getMessage());
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(502, "scan-image-unavailable", "Bad gateway", detail));
    }
}
