package org.opencustoms.selection.isf.model;

import java.util.List;
import java.util.UUID;

public record StatusMessageReceipt(UUID id, List<UUID> matchedFilings, List<Discrepancy> discrepancies) {
}
