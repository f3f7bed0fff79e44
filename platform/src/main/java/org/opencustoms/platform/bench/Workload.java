package org.opencustoms.platform.bench;

/** The units of work of a load run, each prepared (untimed) before it is done (timed). */
@FunctionalInterface
interface Workload {

    /** The {@code index}th unit, ready to run: a request built, a body serialised. */
    Unit prepare(long index) throws Exception;

    @FunctionalInterface
    interface Unit {
        /** Does the work synchronously; returns when it succeeded and throws when it failed. */
        void run() throws Exception;
    }
}
