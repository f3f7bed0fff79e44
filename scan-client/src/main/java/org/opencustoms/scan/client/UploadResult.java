package org.opencustoms.scan.client;

/**
 * A completed upload.
 *
 * @param duplicate the server already had this scan and stored nothing new
 * @param attempts streams it took (1 when nothing went wrong)
 * @param bytesSent payload bytes sent over all attempts (more than the payload when an attempt was cut)
 */
public record UploadResult(String scanId, String sha256Hex, boolean duplicate, int attempts, long bytesSent) {
}
