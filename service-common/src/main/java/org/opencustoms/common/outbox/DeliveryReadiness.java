package org.opencustoms.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.opencustoms.common.peer.Peers;

/**
 * The backlog of each outbox and the state of each peer, in the readiness data. Always UP: dead letters and a
 * peer's outage make the service "degraded" for operators to see, but it still serves what it can.
 */
@Readiness
@ApplicationScoped
public class DeliveryReadiness implements HealthCheck {

    private final Instance<Outbox> outboxes;
    private final Peers peers;

    public DeliveryReadiness(Instance<Outbox> outboxes, Peers peers) {
        this.outboxes = outboxes;
        this.peers = peers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("deliveries").up();
        boolean degraded = false;
        for (Outbox outbox : outboxes) {
            OutboxStats stats = outbox.lastStats();
            response.withData("outbox." + outbox.name() + ".pending", stats.pending())
                    .withData("outbox." + outbox.name() + ".dead", stats.dead())
                    .withData("outbox." + outbox.name() + ".oldestAgeSeconds", stats.oldestAgeSeconds());
            degraded |= stats.dead() > 0;
        }
        for (var peer : peers.states().entrySet()) {
            response.withData("peer." + peer.getKey(), peer.getValue().reachable() ? "reachable"
                    : "unreachable since " + peer.getValue().since() + ": " + peer.getValue().lastError());
            degraded |= !peer.getValue().reachable();
        }
        return response.withData("status", degraded ? "degraded" : "ok").build();
    }
}
