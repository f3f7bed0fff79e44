package org.opencustoms.selection.random;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/** A day's embargo that also waits for every shipment of the period to be released, inspected or withdrawn. */
public class EmbargoedPeriodsProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ShiftableTimeSource.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("selection.random.rate", "0.25", "selection.disclosure.public-embargo", "P1D",
                "selection.disclosure.wait-for-closure", "true");
    }
}
