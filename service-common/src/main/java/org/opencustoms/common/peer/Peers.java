package org.opencustoms.common.peer;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this service last saw of each peer it calls. Shown in the readiness data as degraded, never as down:
 * a peer's outage must not take this service out of its load balancer too.
 */
@ApplicationScoped
public class Peers {

    private static final Logger LOG = Logger.getLogger(Peers.class);

    private final Map<String, State> states = new ConcurrentHashMap<>();

    public void reachable(String peer) {
        State before = states.put(peer, new State(true, null, Instant.now()));
        if (before != null && !before.reachable()) {
            LOG.infof("%s answers again (it was unreachable since %s)", peer, before.since());
        }
    }

    public void unreachable(String peer, String reason) {
        State before = states.get(peer);
        if (before == null || before.reachable()) {
            states.put(peer, new State(false, reason, Instant.now()));
            LOG.warnf("%s cannot be reached: %s", peer, reason);
        } else {
            states.put(peer, new State(false, reason, before.since()));
        }
    }

    public Map<String, State> states() {
        return new TreeMap<>(states);
    }

    /** {@code since}: when the peer last changed between reachable and unreachable. */
    public record State(boolean reachable, String lastError, Instant since) {
    }
}
