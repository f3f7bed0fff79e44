package org.opencustoms.selection.audit.stats;

/** Validation shared by everything that takes "k successes out of n trials". */
final class Counts {

    private Counts() {
    }

    static void requireValid(String what, long successes, long trials) {
        if (trials < 0) {
            throw new IllegalArgumentException(what + ": trials must be >= 0, was " + trials);
        }
        if (successes < 0) {
            throw new IllegalArgumentException(what + ": successes must be >= 0, was " + successes);
        }
        if (successes > trials) {
            throw new IllegalArgumentException(
                    what + ": successes (" + successes + ") must not exceed trials (" + trials + ")");
        }
    }
}
