package org.opencustoms.scan.analysis;

/** A scan the analysis cannot take as it is (too small, too narrow, a bad I0); the message says what is wrong. */
public class ScanInputException extends IllegalArgumentException {

    public ScanInputException(String message) {
        super(message);
    }
}
