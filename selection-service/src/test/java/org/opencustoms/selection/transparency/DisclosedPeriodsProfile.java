package org.opencustoms.selection.transparency;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.opencustoms.selection.random.ShiftableTimeSource;

import java.util.Map;
import java.util.Set;

/**
 * Tests of the public record: histories made in past days (through {@link ShiftableTimeSource}) with a public embargo
 * of one day that does not wait for the shipments to close, so that a day three days old is already published while
 * today's stays embargoed; a high random rate gives the published day random picks to recompute.
 */
public class DisclosedPeriodsProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ShiftableTimeSource.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "selection.random.rate", "0.25",
                "selection.disclosure.public-embargo", "P1D",
                "selection.disclosure.wait-for-closure", "false");
    }
}
