package org.opencustoms.selection.isf.model;

import java.util.List;
import java.util.UUID;

/** What a stow plan matched: the filings of its voyage, containers nobody filed for, and discrepancies found. */
public record StowPlanReceipt(UUID id, int positions, int filingsMatched, List<String> unfiledContainers,
                              List<Discrepancy> discrepancies) {
}
