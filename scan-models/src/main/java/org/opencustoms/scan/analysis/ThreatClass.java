package org.opencustoms.scan.analysis;

import java.util.Locale;

/** The kinds of threat the detector tells apart, in the order of its class outputs. */
public enum ThreatClass {
    /** Guns, grenades, ammunition: dense shaped steel. */
    FIREARM,
    /** Lead or steel blocks and lined boxes that could hide a radioactive source. */
    DENSE_SHIELDING,
    /** Brick-shaped organic packages (narcotics, explosives). */
    ORGANIC_PACKAGES,
    /** A false wall, floor or ceiling, or a lined side wall. */
    CONCEALED_COMPARTMENT;

    /** The name in findings and on the tablet: {@code firearm}, {@code dense-shielding}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The class of a wire name, or null for null. */
    public static ThreatClass fromWireName(String value) {
        if (value == null) {
            return null;
        }
        for (ThreatClass threatClass : values()) {
            if (threatClass.wireName().equals(value)) {
                return threatClass;
            }
        }
        throw new IllegalArgumentException("unknown threat class " + value);
    }
}
