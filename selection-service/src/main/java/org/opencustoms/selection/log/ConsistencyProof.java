package org.opencustoms.selection.log;

import java.util.List;

/** Proves the tree of {@code fromSize} entries is a prefix of the tree of {@code toSize} (hashes base64). */
public record ConsistencyProof(long fromSize, long toSize, String fromRootHash, String toRootHash, List<String> proof) {
}
