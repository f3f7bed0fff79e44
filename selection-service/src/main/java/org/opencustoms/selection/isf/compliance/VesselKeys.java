package org.opencustoms.selection.isf.compliance;

import org.opencustoms.selection.isf.model.Vessel;

import java.util.Locale;

/** Filings, stow plans and status messages name a voyage by vessel name and voyage number, spelled freely. */
public final class VesselKeys {

    private VesselKeys() {
    }

    public static String of(Vessel vessel) {
        String name = vessel.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").trim();
        return name + "/" + vessel.voyage().toUpperCase(Locale.ROOT);
    }
}
