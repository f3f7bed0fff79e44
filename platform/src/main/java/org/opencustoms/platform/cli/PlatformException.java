package org.opencustoms.platform.cli;

/** A failure the operator can act on: printed as one line, without a stack trace. */
public class PlatformException extends RuntimeException {
    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
