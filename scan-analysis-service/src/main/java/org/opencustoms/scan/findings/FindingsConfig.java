package org.opencustoms.scan.findings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where findings go: inspection-service, called with this service's own token (SERVICE_TOKEN); retries are set by outbox.findings.*. */
@ConfigMapping(prefix = "scan.findings")
public interface FindingsConfig {

    URI inspectionUrl();

    @WithDefault("PT10S")
    Duration timeout();

    /** How often the relay looks for findings to send (a scheduler interval such as 2s). */
    @WithDefault("2s")
    String every();
}
