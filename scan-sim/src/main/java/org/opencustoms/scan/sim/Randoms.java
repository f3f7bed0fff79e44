package org.opencustoms.scan.sim;

import java.util.List;
import java.util.SplittableRandom;

/** Draws the scene generators share; tolerant of empty ranges so layouts near limits stay valid. */
public final class Randoms {

    private Randoms() {
    }

    /** Uniform in [low, high); low when the range is empty. */
    public static double between(SplittableRandom random, double low, double high) {
        return high > low ? low + random.nextDouble() * (high - low) : low;
    }

    /** Uniform integer in [low, high]; low when the range is empty. */
    public static int intBetween(SplittableRandom random, int low, int high) {
        return high > low ? low + random.nextInt(high - low + 1) : low;
    }

    public static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    public static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    public static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Uniform angle in [0, 2 pi). */
    public static double angle(SplittableRandom random) {
        return random.nextDouble() * 2 * Math.PI;
    }
}
