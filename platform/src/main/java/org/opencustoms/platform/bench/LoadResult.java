package org.opencustoms.platform.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;

/**
 * What one load run measured: requests that succeeded and failed over the run's wall time, and the latency of the
 * successful ones in microseconds. Under an open-loop load a latency counts from when the request was due, not
 * from when it was sent, so a server that falls behind cannot hide the queue it builds (coordinated omission).
 * {@code firstFailure} says why the first failed unit failed (null if none did).
 */
public record LoadResult(String name, long completed, long failed, String firstFailure, Duration elapsed, Histogram latencyMicros) {

    public double perSecond() {
        return completed / (elapsed.toNanos() / 1e9);
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    String row() {
        return String.format("%-34s %9.1f/s %9.1f %9.1f %9.1f %9.1f %8d %7d", name, perSecond(), percentileMillis(50),
                percentileMillis(95), percentileMillis(99), latencyMicros.getMaxValue() / 1000.0, completed, failed);
    }

    static String header() {
        return String.format("%-34s %11s %9s %9s %9s %9s %8s %7s", "run", "throughput", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "done", "failed");
    }
}
