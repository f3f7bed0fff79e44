package org.opencustoms.selection.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The service's clock for everything time decides: filing deadlines, random-draw periods and their reveal.
 * Tests replace it to produce histories in periods that have already closed.
 */
@ApplicationScoped
public class TimeSource {

    public Instant now() {
        return Instant.now();
    }
}
