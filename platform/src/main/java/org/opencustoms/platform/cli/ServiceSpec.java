package org.opencustoms.platform.cli;

import java.nio.file.Path;
import java.util.List;

/** One of the platform's services as bin/platform runs it. */
public record ServiceSpec(String name, int port, String database, String maxHeap) {

    public static final int SELECTION_PORT = 8081;
    public static final int SCAN_ANALYSIS_PORT = 8082;
    public static final int INSPECTION_PORT = 8083;
    /** scan-analysis-service's gRPC server, where scanners stream scans. */
    public static final int SCAN_INGEST_GRPC_PORT = 9082;
    /** How long a stopped service may take before it is killed; k8s gives a pod no more (terminationGracePeriodSeconds). */
    public static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(30);

    public static final ServiceSpec SELECTION = new ServiceSpec("selection-service", SELECTION_PORT, "selection", "512m");
    public static final ServiceSpec SCAN_ANALYSIS = new ServiceSpec("scan-analysis-service", SCAN_ANALYSIS_PORT, "scan_analysis", "1g");
    public static final ServiceSpec INSPECTION = new ServiceSpec("inspection-service", INSPECTION_PORT, "inspection", "512m");

    public static List<ServiceSpec> all() {
        return List.of(SELECTION, SCAN_ANALYSIS, INSPECTION);
    }

    public Path runnerJar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** selection-service (the audit dashboard) and inspection-service (the tablet app) sign their users in. */
    public boolean signsInUsers() {
        return !SCAN_ANALYSIS.equals(this);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
