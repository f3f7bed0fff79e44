package org.opencustoms.common.outbox;

import org.opencustoms.common.peer.PeerAnswer;

import java.util.function.Supplier;

/** What became of one attempt to deliver a message. */
public sealed interface DeliveryResult {

    /** The peer took the message. */
    record Delivered() implements DeliveryResult {
    }

    /** The peer refused this message for good (a 4xx other than 408 or 429): it goes to the dead letters, with the reason. */
    record Refused(String reason) implements DeliveryResult {
    }

    /** The peer could not take it now (5xx, 408, 429, 401/403 of a misconfigured account): tried again after a backoff. */
    record Failed(String reason) implements DeliveryResult {
    }

    /** The peer cannot be reached or its breaker is open: tried again later, and the rest of this round waits too. */
    record Unreachable(String reason) implements DeliveryResult {
    }

    /**
     * The result of a call through a client wrapper bean: its answer classified, and any exception (the peer
     * unreachable, a timeout, an open breaker) as {@link Unreachable}.
     */
    static DeliveryResult of(Supplier<PeerAnswer> call) {
        PeerAnswer answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            return new Unreachable(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (answer.accepted()) {
            return new Delivered();
        }
        return answer.refusedForGood() ? new Refused(answer.summary()) : new Failed(answer.summary());
    }
}
