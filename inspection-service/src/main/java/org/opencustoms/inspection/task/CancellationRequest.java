package org.opencustoms.inspection.task;

import java.util.UUID;

/** selection-service tells that a shipment no longer needs inspecting. */
public record CancellationRequest(UUID filingId, Integer filingVersion, UUID decisionId, Cause reason) {

    public enum Cause {
        WITHDRAWN("the importer withdrew the filing"),
        RELEASED_AFTER_AMENDMENT("the amended filing was released without inspection");

        private final String text;

        Cause(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
