package org.opencustoms.common.outbox;

import org.junit.jupiter.api.Test;
import org.opencustoms.common.peer.PeerAnswer;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxPolicyTest {

    private final OutboxPolicy policy = new OutboxPolicy(50, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(2));

    @Test
    void backoffDoublesWithJitterInItsUpperHalfUpToTheMaximum() {
        for (int attempts = 0; attempts < 40; attempts++) {
            long ceiling = Math.min(2000L << Math.min(20, attempts), 300_000L);
            for (int draw = 0; draw < 200; draw++) {
                long wait = policy.backoff(attempts).toMillis();
                assertTrue(wait >= ceiling / 2 && wait <= ceiling, attempts + " attempts: " + wait + " ms, not in [" + ceiling / 2 + ", " + ceiling + "]");
            }
        }
    }

    @Test
    void aPolicyThatCannotWorkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OutboxPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new OutboxPolicy(10, Duration.ZERO, Duration.ofSeconds(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new OutboxPolicy(10, Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new OutboxPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void onlyARefusalOfTheMessageItselfIsFinal() {
        assertInstanceOf(DeliveryResult.Delivered.class, DeliveryResult.of(() -> new PeerAnswer(202, "")));
        assertInstanceOf(DeliveryResult.Refused.class, DeliveryResult.of(() -> new PeerAnswer(422, "{}")));
        assertInstanceOf(DeliveryResult.Refused.class, DeliveryResult.of(() -> new PeerAnswer(400, "{}")));
        assertInstanceOf(DeliveryResult.Failed.class, DeliveryResult.of(() -> new PeerAnswer(401, "")), "a misconfigured account heals");
        assertInstanceOf(DeliveryResult.Failed.class, DeliveryResult.of(() -> new PeerAnswer(429, "")));
        assertInstanceOf(DeliveryResult.Unreachable.class, DeliveryResult.of(() -> {
            throw new IllegalStateException("connection refused");
        }));
        assertTrue(new PeerAnswer(503, "").outage());
        assertTrue(new PeerAnswer(408, "").outage());
        assertFalse(new PeerAnswer(409, "").outage());
        assertEquals("HTTP 422: {}", new PeerAnswer(422, "{}").summary());
    }

    @Test
    void aMessageMayLackAnAttribute() {
        java.util.Map<String, String> attributes = new java.util.HashMap<>();
        attributes.put("inspection_id", null);
        assertEquals(null, new OutboxMessage(1, "{}", 0, java.time.Instant.now(), attributes).attribute("inspection_id"),
                "a finding the scanner sent without an inspection id goes by container number");
    }

    @Test
    void tableNamesMustBePlainIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> new OutboxTable("x", "s.t; drop table t", null, java.util.List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OutboxTable("x", "s.t", null, java.util.List.of("a::text")));
    }
}
