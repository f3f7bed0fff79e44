package org.opencustoms.tools.scan;

import org.opencustoms.scan.analysis.ThreatClass;
import org.opencustoms.scan.sim.threats.ThreatKind;

/** The class the detector is trained to name for each kind of threat the simulator projects. */
public final class ThreatClasses {

    private ThreatClasses() {
    }

    public static ThreatClass of(ThreatKind kind) {
        return switch (kind) {
            case WEAPON -> ThreatClass.FIREARM;
            case SHIELDING -> ThreatClass.DENSE_SHIELDING;
            case ORGANIC_BRICKS -> ThreatClass.ORGANIC_PACKAGES;
            case HIDDEN_COMPARTMENT -> ThreatClass.CONCEALED_COMPARTMENT;
        };
    }
}
