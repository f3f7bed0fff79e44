package org.opencustoms.platform.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a {@link Workload} on worker threads, closed loop (each worker starts its next unit as soon as the last one
 * ends: the sustained throughput at that concurrency) or open loop (units are due at a constant rate whatever the
 * server does; a unit that starts late because every worker was busy is timed from when it was due).
 */
final class LoadDriver {

    private static final long HIGHEST_MICROS = Duration.ofMinutes(5).toNanos() / 1000;

    private final AtomicLong nextIndex;

    /** Units are numbered from {@code firstIndex} on, so that successive runs never repeat one (filings are unique). */
    LoadDriver(long firstIndex) {
        this.nextIndex = new AtomicLong(firstIndex);
    }

    long nextIndex() {
        return nextIndex.get();
    }

    LoadResult closedLoop(String name, Workload workload, int workers, Duration duration) {
        return run(name, workload, workers, duration, 0);
    }

    LoadResult openLoop(String name, Workload workload, double perSecond, int workers, Duration duration) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("an open-loop rate must be positive: " + perSecond);
        }
        return run(name, workload, workers, duration, perSecond);
    }

    private LoadResult run(String name, Workload workload, int workers, Duration duration, double perSecond) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long first = nextIndex.get();
        double nanosPerUnit = perSecond > 0 ? 1e9 / perSecond : 0;
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            histograms.add(histogram);
            Thread thread = new Thread(() -> {
                while (true) {
                    long index = nextIndex.getAndIncrement();
                    long due = perSecond > 0 ? start + (long) ((index - first) * nanosPerUnit) : 0;
                    if (perSecond > 0 ? due >= end : System.nanoTime() >= end) {
                        return;
                    }
                    try {
                        Workload.Unit unit = workload.prepare(index);
                        long started = System.nanoTime();
                        if (perSecond > 0) {
                            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                                LockSupport.parkNanos(wait);
                            }
                            started = due;
                        }
                        unit.run();
                        histogram.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - started) / 1000));
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                }
            }, "load-" + name + "-" + w);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + name, e);
            }
        }
        Duration elapsed = Duration.ofNanos(Math.max(System.nanoTime(), end) - start);
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.forEach(all::add);
        return new LoadResult(name, all.getTotalCount(), failed.get(), firstFailure.get(), elapsed, all);
    }
}
