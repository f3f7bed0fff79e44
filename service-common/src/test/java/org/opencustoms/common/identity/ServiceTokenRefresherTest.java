package org.opencustoms.common.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceTokenRefresherTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void aTokenIsRenewedWhenThreeQuartersOfItsLifeHavePassed() {
        assertEquals(Duration.ofSeconds(675), ServiceTokenRefresher.refreshDelay(NOW.plusSeconds(900).getEpochSecond(), NOW));
    }

    @Test
    void aTokenAboutToExpireIsRenewedSoonButNotInATightLoop() {
        assertEquals(ServiceTokenRefresher.MIN_DELAY, ServiceTokenRefresher.refreshDelay(NOW.plusSeconds(2).getEpochSecond(), NOW));
        assertEquals(ServiceTokenRefresher.MIN_DELAY, ServiceTokenRefresher.refreshDelay(NOW.minusSeconds(60).getEpochSecond(), NOW));
    }

    @Test
    void aTokenWithoutExpiryIsRenewedHourly() {
        assertEquals(Duration.ofHours(1), ServiceTokenRefresher.refreshDelay(null, NOW));
    }

    @Test
    void retriesBackOffFromAboutASecondToAtMostAMinuteWithJitter() {
        for (int i = 0; i < 200; i++) {
            Duration first = ServiceTokenRefresher.retryDelay(1);
            assertTrue(first.toMillis() >= 500 && first.toMillis() <= 1000, first.toString());
            Duration fourth = ServiceTokenRefresher.retryDelay(4);
            assertTrue(fourth.toMillis() >= 4000 && fourth.toMillis() <= 8000, fourth.toString());
            Duration late = ServiceTokenRefresher.retryDelay(40);
            assertTrue(late.toMillis() >= 30_000 && late.toMillis() <= 60_000, late.toString());
        }
    }
}
