package org.opencustoms.scan.worker;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the analysis is saturated, so a load balancer sends new scans to another replica;
 * nothing is lost meanwhile (queued scans wait in PostgreSQL), and liveness stays up.
 */
@Readiness
@ApplicationScoped
public class AnalysisReadiness implements HealthCheck {

    private final AnalysisWorkers workers;

    public AnalysisReadiness(AnalysisWorkers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        AnalysisWorkers.State state = workers.state();
        return HealthCheckResponse.named("scan-analysis")
                .status(!state.saturated())
                .withData("enabled", state.enabled())
                .withData("workers", state.workers())
                .withData("busy", state.busy())
                .withData("queued", state.queued())
                .withData("queueCapacity", state.queueCapacity())
                .withData("backlog", state.backlog())
                .withData("saturated", state.saturated())
                .build();
    }
}
