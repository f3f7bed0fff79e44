package org.opencustoms.riskmodel;

/** What the model sees of a category value: its smoothed fraud rate and how often it occurred in training. */
public record EncodedCategory(double fraudRate, double count) {
}
