package org.opencustoms.riskmodel;

/** A problem with input data, mapping or model files, described in one line for the user. */
public class RiskModelException extends RuntimeException {

    public RiskModelException(String message) {
        super(message);
    }

    public RiskModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
