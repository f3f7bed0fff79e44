package org.opencustoms.tools.scanner;

import org.opencustoms.scan.scanner.SimulatedScanner;

import org.opencustoms.scan.client.ScannerTls;
import org.opencustoms.scan.sim.SimulationOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code bin/platform scanner-sim} streams, checked by {@link ScannerSimCli}: {@code scansPerMinute} 0 for as
 * fast as they upload, {@code warmUpScans} streamed unmeasured before the {@code scans}, {@code containers} empty for simulated numbers, {@code tls} null for plaintext, {@code baselineDir} null
 * for no baseline.
 */
record ScannerSimRequest(String target, int scans, int warmUpScans, double scansPerMinute, long seed, SimulationOptions options, List<String> containers,
                         ScannerTls tls, Path baselineDir) {

    ScannerSimRequest {
        containers = List.copyOf(containers);
    }

    /** The container number the scanner reads on scan {@code index}: one of --containers, or a simulated SIMU number. */
    String containerFor(int index, long scanSeed) {
        return containers.isEmpty() ? SimulatedScanner.containerNumber(scanSeed) : containers.get(index % containers.size());
    }
}
