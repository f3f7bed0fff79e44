package org.opencustoms.scan.sim.threats;

import org.opencustoms.scan.imaging.Box;

/** Ground truth of one projected threat: its kind and its box in image pixels. */
public record ThreatBox(ThreatKind kind, Box box) {
}
