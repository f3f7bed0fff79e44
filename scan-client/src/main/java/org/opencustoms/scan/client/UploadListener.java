package org.opencustoms.scan.client;

import io.grpc.Status;

import java.time.Duration;

/** Progress of an upload, for a scanner's console or a test. Called on the uploading thread. */
public interface UploadListener {

    UploadListener NONE = new UploadListener() {
    };

    /** The server asked to resume at {@code offset}: the bytes below it were already received. */
    default void resumingAt(long offset) {
    }

    /** Bytes up to {@code endOffset} were handed to the transport. */
    default void sent(long endOffset) {
    }

    default void retrying(int nextAttempt, Status cause, Duration delay) {
    }
}
