package org.opencustoms.common.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;
import org.opencustoms.common.peer.Peers;

import java.util.List;
import java.util.function.Function;

/**
 * One round of delivery for an outbox: claims the due messages, hands each to the flow's delivery in the order
 * written, and records what became of it. When the peer is unreachable the rest of the round is released
 * untried. Receivers must be idempotent: a crash between delivery and bookkeeping repeats a message.
 */
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final String peer;
    private final Peers peers;
    private final MeterRegistry registry;

    public OutboxRelay(Outbox outbox, String peer, Peers peers, MeterRegistry registry) {
        this.outbox = outbox;
        this.peer = peer;
        this.peers = peers;
        this.registry = registry;
    }

    private static final int MAX_ROUNDS = 20;

    /**
     * Rounds until one delivers nothing (at most 20, so that one call stays short): messages that wait for an
     * earlier one of their ordering key go out in the next round. Returns how many messages were delivered.
     */
    public int drain(Function<OutboxMessage, DeliveryResult> delivery) {
        int delivered = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int now = runOnce(delivery);
            delivered += now;
            if (now == 0) {
                break;
            }
        }
        return delivered;
    }

    /** One round: returns how many messages were delivered. */
    public int runOnce(Function<OutboxMessage, DeliveryResult> delivery) {
        List<OutboxMessage> claimed = outbox.claimDue();
        int delivered = 0;
        int next = 0;
        try {
            while (next < claimed.size()) {
                OutboxMessage message = claimed.get(next++);
                DeliveryResult result = attempt(delivery, message);
                registry.counter("outbox.deliveries", "outbox", outbox.name(), "result", result.getClass().getSimpleName().toLowerCase())
                        .increment();
                if (result instanceof DeliveryResult.Delivered) {
                    outbox.delivered(message);
                    peers.reachable(peer);
                    delivered++;
                } else if (result instanceof DeliveryResult.Refused refused) {
                    LOG.warnf("%s refused message %d of outbox %s for good; it is a dead letter until a supervisor replays or discards it: %s",
                            peer, message.seq(), outbox.name(), refused.reason());
                    outbox.dead(message, refused.reason());
                    peers.reachable(peer);
                } else if (result instanceof DeliveryResult.Failed failed) {
                    if (Integer.bitCount(message.attempts() + 1) == 1) { // attempts 1, 2, 4, 8, ...: the log stays readable
                        LOG.warnf("message %d of outbox %s not delivered (attempt %d), retried later: %s", message.seq(), outbox.name(),
                                message.attempts() + 1, failed.reason());
                    }
                    outbox.failed(message, failed.reason());
                } else if (result instanceof DeliveryResult.Unreachable unreachable) {
                    peers.unreachable(peer, unreachable.reason());
                    outbox.failed(message, unreachable.reason());
                    break;
                }
            }
        } finally {
            // what this round did not try (the peer went away, or bookkeeping failed) is due again at once
            outbox.release(claimed.subList(next, claimed.size()));
            outbox.refreshStats();
        }
        return delivered;
    }

    private static DeliveryResult attempt(Function<OutboxMessage, DeliveryResult> delivery, OutboxMessage message) {
        try {
            return delivery.apply(message);
        } catch (RuntimeException e) {
            return new DeliveryResult.Failed("delivery failed: " + e);
        }
    }
}
