package org.opencustoms.scan.worker;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Saturation (every worker busy, the in-memory queue full, scans waiting) and admission are reported in the
 * data, never as DOWN: a replica taken out of its Service would also stop serving the tablets' images and the
 * uploads already under way, exactly when it is busiest. A full backlog is handled at ingest instead: from
 * {@code max-backlog} until it is down to {@code resume-backlog}, new uploads get RESOURCE_EXHAUSTED with a
 * retry pushback. Nothing is lost meanwhile: queued scans wait in PostgreSQL.
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
                .up()
                .withData("enabled", state.enabled())
                .withData("workers", state.workers())
                .withData("busy", state.busy())
                .withData("queued", state.queued())
                .withData("queueCapacity", state.queueCapacity())
                .withData("backlog", state.backlog())
                .withData("maxBacklog", state.maxBacklog())
                .withData("saturated", state.saturated())
                .withData("admittingNewScans", state.admitting())
                .build();
    }
}
