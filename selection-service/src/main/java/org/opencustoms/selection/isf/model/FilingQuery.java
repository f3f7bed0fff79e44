package org.opencustoms.selection.isf.model;

import java.time.Instant;

/** Filters of the filing search; null means "any". */
public record FilingQuery(String billOfLading, String container, FilingStatus status, Instant filedFrom, Instant filedTo,
                          int page, int size) {
}
