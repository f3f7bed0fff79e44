package org.opencustoms.common.peer;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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

    /**
     * Sends a request to a peer: its answer unless that is an outage; an outage, an unreachable peer or an
     * interrupted wait as this exception.
     */
    public static PeerAnswer exchange(String peer, HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return unlessOutage(peer, new PeerAnswer(response.statusCode(), response.body()));
        } catch (IOException e) {
            throw new PeerUnavailableException(peer + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted while calling " + peer, e);
        }
    }

    /** The answer, if it is an outage, as this exception; otherwise the answer itself. */
    public static PeerAnswer unlessOutage(String peer, PeerAnswer answer) {
        if (answer.outage()) {
            throw new PeerUnavailableException(peer + " answered " + answer.summary());
        }
        return answer;
    }
}
