package org.opencustoms.common.peer;

/**
 * A peer cannot serve now: unreachable, timed out, or answering 5xx/408/429. Client wrapper beans throw it so
 * that their circuit breakers count outages only, never a request refused for what it says.
 */
public class PeerUnavailableException extends RuntimeException {

    public PeerUnavailableException(String message) {
        super(message);
    }

    public PeerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The answer, if it is an outage, as this exception; otherwise the answer itself. */
    public static PeerAnswer unlessOutage(String peer, PeerAnswer answer) {
        if (answer.outage()) {
            throw new PeerUnavailableException(peer + " answered " + answer.summary());
        }
        return answer;
    }
}
