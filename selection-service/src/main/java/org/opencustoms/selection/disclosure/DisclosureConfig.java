package org.opencustoms.selection.disclosure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** When a period's decisions and seed become public. */
@ConfigMapping(prefix = "selection.disclosure")
public interface DisclosureConfig {

    /** How long after a period ends its decisions stay embargoed at the least. */
    @WithDefault("P45D")
    Duration publicEmbargo();

    /** Whether the embargo also lasts until every shipment of the period is released, inspected or withdrawn. */
    @WithDefault("true")
    boolean waitForClosure();
}
