package org.opencustoms.scan.sim;

import java.util.Locale;

/** Which scanners a generated set uses: one kind, or both drawn per scan. */
public enum ModalityChoice {
    XRAY, GAMMA, MIXED;

    public static ModalityChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("modality must be xray, gamma or mixed, got '" + text + "'");
        }
    }
}
