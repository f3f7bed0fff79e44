package org.opencustoms.selection.isf.model;

import java.util.List;

/** The carrier's vessel stow plan: where each container sits on board (bay/row/tier). */
public record StowPlan(String carrierCode, Vessel vessel, List<StowPosition> positions) {
}
