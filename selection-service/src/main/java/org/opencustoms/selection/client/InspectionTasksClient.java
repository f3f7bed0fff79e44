package org.opencustoms.selection.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.opencustoms.common.peer.PeerAnswer;
import org.opencustoms.common.peer.PeerUnavailableException;

/**
 * Creates and cancels inspection tasks in inspection-service. Outages (unreachable, 5xx, 408, 429) fail with
 * {@link PeerUnavailableException} and trip the breaker; a refusal of one message is an answer, not an outage.
 * No retry here: the hand-off outbox retries with backoff. Timeout and breaker are set in application.properties.
 */
@ApplicationScoped
public class InspectionTasksClient {

    public static final String PEER = "inspection-service";

    private final InspectionTasksApi api;

    public InspectionTasksClient(@RestClient InspectionTasksApi api) {
        this.api = api;
    }

    /** A task ({@code cancellation} false) or a cancellation, as the hand-off outbox holds it. */
    @Timeout
    @CircuitBreaker(failOn = {PeerUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName("inspection-tasks")
    public Uni<PeerAnswer> deliver(boolean cancellation, String payload) {
        return (cancellation ? api.cancel(payload) : api.create(payload))
                .replaceWith(new PeerAnswer(201, ""))
                .onFailure(WebApplicationException.class).recoverWithItem(failure -> answerOf((WebApplicationException) failure))
                .onFailure(ProcessingException.class).transform(failure -> new PeerUnavailableException(PEER + " cannot be reached: "
                        + failure.getMessage(), failure))
                .map(answer -> PeerUnavailableException.unlessOutage(PEER, answer));
    }

    private static PeerAnswer answerOf(WebApplicationException failure) {
        String body;
        try {
            body = failure.getResponse().hasEntity() ? failure.getResponse().readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            body = "";
        }
        return new PeerAnswer(failure.getResponse().getStatus(), body);
    }
}
