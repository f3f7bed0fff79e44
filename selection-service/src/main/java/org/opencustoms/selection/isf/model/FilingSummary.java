package org.opencustoms.selection.isf.model;

import java.time.Instant;
import java.util.UUID;

public record FilingSummary(UUID id, FilingType type, FilingStatus status, int currentVersion, String portOfArrival,
                            Instant firstFiledAt, Instant lastChangedAt) {
}
