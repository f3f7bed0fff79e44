package org.opencustoms.scan.imaging;

import java.util.Locale;

/** Kind of scanner, named as in labels.csv. */
public enum Modality {
    XRAY("xray"),
    GAMMA("gamma");

    private final String label;

    Modality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a labels.csv value, ignoring case and surrounding blanks. */
    public static Modality parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Modality modality : values()) {
            if (modality.label.equals(wanted)) {
                return modality;
            }
        }
        throw new IllegalArgumentException("unknown modality '" + text + "' (expected xray or gamma)");
    }
}
