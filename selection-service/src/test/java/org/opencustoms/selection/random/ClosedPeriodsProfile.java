package org.opencustoms.selection.random;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * Tests that make a history in a period that has already closed (through {@link ShiftableTimeSource}),
 * with a high random rate so that the period has random picks to recompute.
 */
public class ClosedPeriodsProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ShiftableTimeSource.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("selection.random.rate", "0.25");
    }
}
