package org.opencustoms.scan.client;

import io.grpc.Status;

/** An upload that failed for good: rejected by the server, or still failing after every retry. */
public class ScanUploadException extends RuntimeException {

    private final transient Status status;

    public ScanUploadException(String message, Status status, Throwable cause) {
        super(message + ": " + status.getCode() + (status.getDescription() == null ? "" : " " + status.getDescription()), cause);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
