package org.opencustoms.platform.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadDriverTest {

    @Test
    void anOpenLoopTimesEachUnitFromWhenItWasDueSoAServerThatFallsBehindShowsItsQueue() {
        // one worker, units due every 10 ms, each taking 20 ms: the queue grows by 10 ms a unit, and the last of the
        // 50 units due in the half second waits about half a second before it even starts
        LoadResult result = new LoadDriver(0).openLoop("slow", index -> () -> Thread.sleep(20), 100, 1,
                Duration.ofMillis(500));

        assertEquals(50, result.completed());
        assertEquals(0, result.failed());
        assertTrue(result.latencyMicros().getMaxValue() >= 480_000,
                "the last unit's latency must include its ~0.5 s in the queue, was " + result.latencyMicros().getMaxValue() + " µs");
        assertTrue(result.percentileMillis(50) >= 200, "half the units waited at least 0.25 s, p50 was " + result.percentileMillis(50));
    }

    @Test
    void aClosedLoopTimesEachUnitFromItsStartAndNumbersUnitsOnAcrossRuns() {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        LoadDriver driver = new LoadDriver(1000);
        LoadResult first = driver.closedLoop("first", index -> {
            assertTrue(seen.add(index), "unit " + index + " handed out twice");
            return () -> Thread.sleep(5);
        }, 3, Duration.ofMillis(200));
        LoadResult second = driver.closedLoop("second", index -> {
            assertTrue(seen.add(index), "unit " + index + " handed out twice");
            return () -> Thread.sleep(5);
        }, 3, Duration.ofMillis(200));

        assertTrue(first.completed() > 10 && second.completed() > 10);
        assertTrue(first.latencyMicros().getMaxValue() < 1_000_000, "a closed loop never waits for a due time");
        assertTrue(seen.stream().allMatch(index -> index >= 1000));
    }

    @Test
    void failuresAreCountedWithTheFirstReasonAndNeverTimed() {
        LoadResult result = new LoadDriver(0).closedLoop("failing", index -> () -> {
            throw new IllegalStateException("answered 503");
        }, 2, Duration.ofMillis(100));

        assertEquals(0, result.completed());
        assertTrue(result.failed() > 0);
        assertEquals("answered 503", result.firstFailure());
        assertEquals(0, result.latencyMicros().getTotalCount());
    }
}
