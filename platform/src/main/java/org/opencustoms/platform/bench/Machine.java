package org.opencustoms.platform.bench;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;

/** What a benchmark ran on, printed above its figures: they mean little without it. */
record Machine(int cores, long memoryBytes, String jdk, String os) {

    static Machine current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    String describe() {
        return String.format("machine: %d cores, %.1f GiB memory, %s, %s", cores, memoryBytes / (double) (1L << 30), jdk, os);
    }
}
