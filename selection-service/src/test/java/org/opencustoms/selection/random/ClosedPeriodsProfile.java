package org.opencustoms.selection.random;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * Tests that make a history in a period that has already closed (through {@link ShiftableTimeSource}),
 * with a high random rate so that the period has random picks to recompute, and an embargo short enough that
 * such a period is already disclosed.
 */
public class ClosedPeriodsProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ShiftableTimeSource.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // the period two days back is disclosed: a day's embargo, not waiting for its shipments to close
        return Map.of("selection.random.rate", "0.25", "selection.disclosure.public-embargo", "P1D",
                "selection.disclosure.wait-for-closure", "false");
    }
}
