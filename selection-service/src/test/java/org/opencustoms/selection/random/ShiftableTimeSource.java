package org.opencustoms.selection.random;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.opencustoms.selection.config.TimeSource;

import java.time.Duration;
import java.time.Instant;

/** A clock a test can move, to make histories in periods that have already closed. */
@Alternative
@Priority(1)
@ApplicationScoped
public class ShiftableTimeSource extends TimeSource {

    private static volatile Duration shift = Duration.ZERO;

    public static void shift(Duration by) {
        shift = by;
    }

    @Override
    public Instant now() {
        return Instant.now().plus(shift);
    }
}
