package org.opencustoms.scan.sim.io;

import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Generates a whole evaluation set, on one thread or several. */
public final class EvaluationSetGenerator {

    /** What was generated. */
    public record Summary(int scans, int threats, int empties, double seconds) {
    }

    private final ScanSimulator simulator;

    public EvaluationSetGenerator(ScanSimulator simulator) {
        this.simulator = simulator;
    }

    public Summary generate(Path directory, long seed, int count, int threads) throws IOException {
        long start = System.nanoTime();
        AtomicInteger threats = new AtomicInteger();
        AtomicInteger empties = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (EvaluationSetWriter writer = new EvaluationSetWriter(directory)) {
            List<Future<?>> pending = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                int scanIndex = index;
                pending.add(pool.submit(() -> {
                    SimulatedScan scan = simulator.simulate(seed, scanIndex);
                    try {
                        writer.write(scan);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (scan.threat()) {
                        threats.incrementAndGet();
                    }
                    if (scan.empty()) {
                        empties.incrementAndGet();
                    }
                }));
            }
            for (Future<?> task : pending) {
                await(task);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(count, threats.get(), empties.get(), (System.nanoTime() - start) / 1e9);
    }

    private static void await(Future<?> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("a scan failed to generate", e.getCause());
        }
    }
}
