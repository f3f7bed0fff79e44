package org.opencustoms.scan.sim;

/** Seeds of individual scans, so any scan of a set can be made alone, in any order or in parallel. */
public final class ScanSeeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ScanSeeds() {
    }

    /** SplitMix64 of the master seed advanced by the index: well mixed, never the same for two indices. */
    public static long forScan(long masterSeed, int index) {
        long z = masterSeed + GOLDEN_GAMMA * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
