package org.opencustoms.scan.worker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;
import org.opencustoms.scan.analysis.ScanAnalyzer;
import org.opencustoms.scan.analysis.ScanModels;
import org.opencustoms.scan.catalog.AnalysisRepository;
import org.opencustoms.scan.catalog.Claim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The analysis worker pool: one thread per core (never the event loop), each with its own predictors.
 * PostgreSQL holds the durable queue; this process claims only as many scans as its workers and a small
 * bounded in-memory queue can take. When both are full and scans still wait, the service is saturated:
 * the gauges and the readiness data show it, and once the backlog reaches {@code max-backlog} readiness
 * turns DOWN so a load balancer sends scanners elsewhere; everything keeps waiting safely in PostgreSQL.
 */
@ApplicationScoped
public class AnalysisWorkers implements org.opencustoms.scan.ingest.IngestAdmission {

    private static final Logger LOG = Logger.getLogger(AnalysisWorkers.class);
    /** The queue's poll, by its scheduler identity. */
    static final String POLL = "scan-analysis-poll";
    private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    private final AnalysisConfig config;
    private final AnalysisRepository repository;
    private final AnalysisJob job;
    private final Instance<ScanModels> models;
    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final List<ScanAnalyzer> analyzers = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ScanAnalyzer> analyzer = ThreadLocal.withInitial(this::newAnalyzer);
    private final Object dispatching = new Object();
    private volatile ThreadPoolExecutor executor;
    private volatile long backlog;
    private volatile boolean saturated;
    private volatile boolean admitting = true;

    public AnalysisWorkers(AnalysisConfig config, AnalysisRepository repository, AnalysisJob job, Instance<ScanModels> models,
                           MeterRegistry registry) {
        this.config = config;
        this.repository = repository;
        this.job = job;
        this.models = models;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (resumeBacklog() >= config.maxBacklog() || resumeBacklog() < 0) {
            throw new IllegalStateException("scan.analysis.resume-backlog must be at least 0 and below scan.analysis.max-backlog ("
                    + config.maxBacklog() + "), not " + resumeBacklog());
        }
        if (!config.enabled()) {
            LOG.info("scan analysis is disabled (scan.analysis.enabled=false): scans are stored and stay QUEUED");
            return;
        }
        int workers = config.workerThreads();
        // each worker runs its own predictions; PyTorch's own intra-op threads on top of them would only contend for the cores
        if (System.getProperty(TORCH_THREADS) == null) {
            System.setProperty(TORCH_THREADS, Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() / workers)));
        }
        LOG.infof("scan analysis: %d workers, model %s", workers, models.get().version()); // loads the models now: a bad model fails the start
        AtomicInteger threads = new AtomicInteger();
        // the bound that matters is enforced when claiming; the extra room covers a worker that has finished its scan
        // but not yet left dispatch(), so the executor never has to reject a claimed scan
        executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queueCapacity() + workers),
                task -> {
                    Thread thread = new Thread(task, "scan-analysis-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.prestartAllCoreThreads();
        Gauge.builder("scan.analysis.workers", executor, ThreadPoolExecutor::getCorePoolSize).register(registry);
        Gauge.builder("scan.analysis.workers.busy", busy, AtomicInteger::get).register(registry);
        Gauge.builder("scan.analysis.queue.size", this, AnalysisWorkers::queuedInMemory)
                .description("Claimed scans waiting in memory for a worker").register(registry);
        Gauge.builder("scan.analysis.queue.capacity", config, AnalysisConfig::queueCapacity).register(registry);
        Gauge.builder("scan.analysis.backlog", this, w -> w.backlog)
                .description("Scans waiting in PostgreSQL, as of the last dispatch").register(registry);
        Gauge.builder("scan.analysis.saturated", this, w -> w.saturated ? 1 : 0)
                .description("1 while every worker is busy, the in-memory queue is full and scans still wait").register(registry);
    }

    /** Takes back the claims of dead processes, then fills free workers; completions dispatch too, so this is the safety net. */
    @Scheduled(identity = POLL, every = "${scan.analysis.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        int reclaimed = repository.reclaimExpired(config.lease(), config.maxAttempts());
        if (reclaimed > 0) {
            LOG.warnf("%d scans whose analysis outlived its lease of %s went back to the queue (or failed)", reclaimed, config.lease());
        }
        dispatch();
    }

    /** Claims as many queued scans as there is room for and hands them to the pool. */
    public void dispatch() {
        synchronized (dispatching) {
            ThreadPoolExecutor pool = executor;
            if (pool == null || pool.isShutdown()) {
                return;
            }
            int room = pool.getCorePoolSize() + config.queueCapacity() - inFlight.get();
            for (Claim claim : repository.claimQueued(room)) {
                inFlight.incrementAndGet();
                pool.execute(new Work(claim));
            }
            backlog = repository.queued();
            saturated = backlog > 0 && inFlight.get() >= pool.getCorePoolSize() + config.queueCapacity();
            admit(backlog);
        }
    }

    /** Stops admitting new uploads at max-backlog and admits them again once the backlog is down to resume-backlog. */
    private void admit(long waiting) {
        int resume = resumeBacklog();
        if (admitting && waiting >= config.maxBacklog()) {
            admitting = false;
            LOG.warnf("%d scans wait for analysis (max-backlog %d): new uploads are refused until %d or fewer wait", waiting,
                    config.maxBacklog(), resume);
        } else if (!admitting && waiting <= resume) {
            admitting = true;
            LOG.infof("%d scans wait for analysis: new uploads are admitted again", waiting);
        }
    }

    private int resumeBacklog() {
        return config.resumeBacklog().orElse(config.maxBacklog() / 2);
    }

    /** Called on the upload's thread once the scanner has its answer; a failure here leaves the scan to the next poll. */
    @Override
    public void scanStored() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.debugf("dispatch after an upload failed (the next poll retries): %s", e.getMessage());
        }
    }

    @Override
    public boolean admitsNewScans() {
        return admitting;
    }

    @Override
    public long backlog() {
        return backlog;
    }

    public State state() {
        ThreadPoolExecutor pool = executor;
        return pool == null ? new State(false, 0, 0, 0, config.queueCapacity(), backlog, config.maxBacklog(), false, admitting)
                : new State(true, pool.getCorePoolSize(), busy.get(), queuedInMemory(), config.queueCapacity(), backlog, config.maxBacklog(),
                saturated, admitting);
    }

    private int queuedInMemory() {
        ThreadPoolExecutor pool = executor;
        return pool == null ? 0 : pool.getQueue().size();
    }

    private ScanAnalyzer newAnalyzer() {
        ScanAnalyzer created = models.get().newAnalyzer();
        analyzers.add(created);
        return created;
    }

    /** On shutdown, before the datasource closes (a @PreDestroy would run after it and could record nothing). */
    void stop(@Observes ShutdownEvent event) {
        ThreadPoolExecutor pool = executor;
        if (pool == null) {
            return;
        }
        List<String> unstarted = new ArrayList<>();
        synchronized (dispatching) {
            pool.shutdown();
            for (Runnable waiting : pool.getQueue().toArray(Runnable[]::new)) {
                if (pool.remove(waiting)) {
                    unstarted.add(((Work) waiting).claim.scan().scanId());
                }
            }
        }
        try {
            repository.release(unstarted);
        } catch (RuntimeException e) {
            LOG.warnf("could not put %d claimed scans back in the queue (their lease will): %s", unstarted.size(), e.getMessage());
        }
        try {
            if (pool.awaitTermination(config.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                analyzers.forEach(ScanAnalyzer::close);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // closing predictors a worker still uses could crash the JVM; the process is ending anyway. The scans go back
        // forgiven: a deploy must not count against a valid scan. A result finished after this is not stored (its claim is gone).
        List<String> unfinished = List.copyOf(running);
        LOG.warnf("%d scan analyses still running after %s at shutdown go back to the queue", unfinished.size(), config.shutdownWait());
        try {
            repository.releaseRunning(unfinished);
        } catch (RuntimeException e) {
            LOG.warnf("could not put %d running scans back in the queue (their lease will, as a failed attempt): %s",
                    unfinished.size(), e.getMessage());
        }
    }

    /**
     * @param backlog   scans waiting in PostgreSQL (as of the last dispatch)
     * @param saturated every worker busy, the in-memory queue full, and scans still waiting
     * @param admitting new uploads are taken (false from max-backlog until the backlog is down to resume-backlog)
     */
    public record State(boolean enabled, int workers, int busy, int queued, int queueCapacity, long backlog, int maxBacklog,
                        boolean saturated, boolean admitting) {
    }

    private final class Work implements Runnable {
        private final Claim claim;

        Work(Claim claim) {
            this.claim = claim;
        }

        @Override
        public void run() {
            busy.incrementAndGet();
            running.add(claim.scan().scanId());
            try {
                job.analyse(claim, analyzer.get());
            } catch (RuntimeException e) {
                // PostgreSQL unreachable while recording: the lease brings the scan back; the thread and its analyzer live on
                LOG.errorf(e, "could not record the analysis of scan %s", claim.scan().scanId());
            } finally {
                running.remove(claim.scan().scanId());
                busy.decrementAndGet();
                inFlight.decrementAndGet();
            }
            try {
                dispatch();
            } catch (RuntimeException e) {
                LOG.debugf("dispatch after scan %s failed (the next poll retries): %s", claim.scan().scanId(), e.getMessage());
            }
        }
    }
}
