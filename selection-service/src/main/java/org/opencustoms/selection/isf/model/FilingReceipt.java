package org.opencustoms.selection.isf.model;

import java.util.List;
import java.util.UUID;

/** The answer to a filing, amendment or withdrawal. */
public record FilingReceipt(UUID id, int version, FilingStatus status, List<String> warnings, Compliance compliance) {
}
