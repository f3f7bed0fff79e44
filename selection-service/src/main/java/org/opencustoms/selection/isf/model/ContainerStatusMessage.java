package org.opencustoms.selection.isf.model;

import java.time.OffsetDateTime;

/** A carrier's container status message (CSM): an event, when and where it happened. */
public record ContainerStatusMessage(
        String containerNumber,
        String billOfLading,
        StatusEvent eventCode,
        OffsetDateTime eventAt,
        String place,
        Vessel vessel) {
}
