package org.opencustoms.common.peer;

/** A peer's answer that is not an outage: accepted (2xx) or refused, for good or for now. */
public record PeerAnswer(int status, String body) {

    public boolean accepted() {
        return status / 100 == 2;
    }

    /**
     * The request itself is wrong: a 4xx other than 408 Request Timeout and 429 Too Many Requests, and other than
     * 401 and 403, which say this service's own account or token is wrong (an expired token, a missing role) and
     * heal when that is fixed: they must not turn every message into a dead letter.
     */
    public boolean refusedForGood() {
        return status / 100 == 4 && status != 408 && status != 429 && status != 401 && status != 403;
    }

    /** The peer is up and answering but failing (5xx, 408, 429): worth a breaker's attention. */
    public boolean outage() {
        return status / 100 == 5 || status == 408 || status == 429;
    }

    public String summary() {
        String text = body == null ? "" : body;
        return "HTTP " + status + (text.isBlank() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) : text));
    }
}
