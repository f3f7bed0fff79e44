package org.opencustoms.selection.log;

import java.util.List;

/** The audit path of one entry in the tree of the first {@code treeSize} entries (hashes base64). */
public record InclusionProof(long index, long treeSize, String leafHash, List<String> auditPath, String rootHash) {
}
