package org.opencustoms.scan.worker;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Saturation (every worker busy, the in-memory queue full, scans waiting) is reported in the data. The
 * service stays ready through short bursts, since a single replica that reports itself not ready also
 * stops serving the tablets' images; it turns DOWN once the backlog reaches {@code max-backlog}, so a
 * load balancer sends new scans to another replica. Nothing is lost meanwhile: queued scans wait in
 * PostgreSQL, and liveness stays up.
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
                .status(!state.overloaded())
                .withData("enabled", state.enabled())
                .withData("workers", state.workers())
                .withData("busy", state.busy())
                .withData("queued", state.queued())
                .withData("queueCapacity", state.queueCapacity())
                .withData("backlog", state.backlog())
                .withData("maxBacklog", state.maxBacklog())
                .withData("saturated", state.saturated())
                .build();
    }
}
