package org.opencustoms.selection.isf.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A filing version as read back: its content, status, warnings and compliance facts. */
public record FilingView(
        UUID id,
        int version,
        int currentVersion,
        FilingStatus status,
        Instant firstFiledAt,
        Instant receivedAt,
        Instant withdrawnAt,
        List<String> warnings,
        Compliance compliance,
        IsfFiling filing) {
}
