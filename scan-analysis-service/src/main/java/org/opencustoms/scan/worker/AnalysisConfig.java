package org.opencustoms.scan.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The analysis workers: how many, how much work may wait for them, and which models they run. */
@ConfigMapping(prefix = "scan.analysis")
public interface AnalysisConfig {

    /** Off only where a process must not analyse (the bounded-heap upload test). */
    @WithDefault("true")
    boolean enabled();

    /** Worker threads, each with its own predictors; 0 means one per core. */
    @WithDefault("0")
    int workers();

    /** Claimed scans waiting in memory for a free worker; beyond it scans wait in PostgreSQL and the service reports saturation. */
    @WithDefault("4")
    int queueCapacity();

    /**
     * Scans waiting in PostgreSQL at which the service stops admitting new uploads (RESOURCE_EXHAUSTED with a
     * retry pushback, so scanners hold them or go to another replica): about 15 minutes of work for 2 workers.
     */
    @WithDefault("100")
    int maxBacklog();

    /**
     * Scans waiting at or below which new uploads are admitted again (hysteresis, so admission does not flap
     * around {@code max-backlog}); half of it when not set. Must be below {@code max-backlog}.
     */
    java.util.OptionalInt resumeBacklog();

    /** A directory written by {@code bin/platform scan-model train}; without one, the models shipped in the jar. */
    Optional<Path> modelDir();

    /** How often the queue is checked besides after each analysis (a scheduler interval such as 1s). */
    @WithDefault("1s")
    String pollEvery();

    /** A claim older than this belongs to a process that died: the scan goes back to the queue. */
    @WithDefault("PT10M")
    Duration lease();

    /** Analyses that break this many times (not bad input, which fails at once) leave the scan FAILED. */
    @WithDefault("3")
    int maxAttempts();

    /** Larger scans are refused with a clear error instead of exhausting the heap (a 40 ft X-ray scan is about 10). */
    @WithDefault("80")
    int maxMegapixels();

    /**
     * At shutdown, how long running analyses may still finish; those that do not go back to the queue without
     * being charged an attempt. Together with {@code quarkus.shutdown.timeout} (in-flight requests) it must fit in
     * the grace period the process is given: {@code terminationGracePeriodSeconds} in k8s/, bin/platform's stop wait.
     */
    @WithDefault("PT10S")
    Duration shutdownWait();

    /** Width of the display rendition for the tablets. */
    @WithDefault("2048")
    int renditionWidth();

    default int workerThreads() {
        return workers() > 0 ? workers() : Runtime.getRuntime().availableProcessors();
    }
}
