package org.opencustoms.selection.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Creates and cancels inspection tasks in inspection-service; a failing peer trips the breaker instead of piling up calls. */
@ApplicationScoped
public class InspectionTasksClient {

    private final InspectionTasksApi api;

    public InspectionTasksClient(@RestClient InspectionTasksApi api) {
        this.api = api;
    }

    /** A task ({@code cancellation} false) or a cancellation, as the hand-off outbox holds it. */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @CircuitBreakerName("inspection-tasks")
    public Uni<Void> deliver(boolean cancellation, String payload) {
        return cancellation ? api.cancel(payload) : api.create(payload);
    }
}
