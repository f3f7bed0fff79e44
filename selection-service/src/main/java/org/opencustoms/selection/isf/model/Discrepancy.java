package org.opencustoms.selection.isf.model;

import java.time.Instant;
import java.util.UUID;

/** A filing element that disagrees with the carrier's stow plan or status messages. */
public record Discrepancy(UUID filingId, String kind, String detail, String source, UUID sourceId, Instant detectedAt) {

    public static final String CONTAINER_NOT_ON_STOW_PLAN = "CONTAINER_NOT_ON_STOW_PLAN";
    public static final String LOADED_AT_OTHER_PORT = "LOADED_AT_OTHER_PORT";
    public static final String LOADED_ON_OTHER_VESSEL = "LOADED_ON_OTHER_VESSEL";
    public static final String BILL_NOT_ON_FILING = "BILL_NOT_ON_FILING";
    public static final String SOURCE_STOW_PLAN = "STOW_PLAN";
    public static final String SOURCE_STATUS_MESSAGE = "STATUS_MESSAGE";
}
