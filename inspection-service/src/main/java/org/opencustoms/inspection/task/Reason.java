package org.opencustoms.inspection.task;

/** Why selection picked the shipment. {@code source} is RULE, MODEL, RANDOM or CAPACITY. */
public record Reason(String source, String id, Double weight, String text) {

    /** The reason as an inspector sees it: what and why, without the weight the model gave it. */
    Reason withoutWeight() {
        return new Reason(source, id, null, text);
    }
}
