package org.opencustoms.selection.log;

import java.time.Instant;

/** A signed tree head: size, root hash, timestamp and the Ed25519 signature over {@link LogSigner#signedData}. */
public record TreeHead(long treeSize, String rootHash, Instant timestamp, long timestampMillis, String signature, String keyId) {
}
