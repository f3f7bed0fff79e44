package org.opencustoms.selection.log;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stored subtree hashes give the same heads and proofs as hashing every leaf, reading O(log n) nodes. */
class SubtreeNodesTest {

    private static final int SIZES = 300;

    @Test
    void nodesBuiltByAppendsGiveEveryHeadAndProofTheLeavesGive() {
        List<byte[]> leaves = new ArrayList<>();
        Map<SubtreeNodes.Node, byte[]> stored = new HashMap<>();
        SubtreeNodes.CompactRange range = new SubtreeNodes.CompactRange();
        for (int size = 1; size <= SIZES; size++) {
            long index = size - 1;
            byte[] leaf = MerkleTree.leafHash(("entry " + index).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            Map<SubtreeNodes.Node, byte[]> siblings = new HashMap<>();
            SubtreeNodes.leftSiblings(index).forEach(n -> siblings.put(n, stored.get(n)));
            SubtreeNodes.appended(index, leaf, siblings).forEach(h -> stored.put(h.node(), h.hash()));
            range.append(leaf);

            MerkleTree.RangeHashes nodes = SubtreeNodes.from(stored::get);
            byte[] root = MerkleTree.rootHash(leaves);
            assertArrayEquals(root, nodes.range(0, size), "head of size " + size);
            assertArrayEquals(root, range.root(), "streamed head of size " + size);
            for (int m = 0; m < size; m += Math.max(1, size / 7)) {
                assertProofsEqual(MerkleTree.inclusionProof(leaves, m, size), MerkleTree.inclusionProof(nodes, m, size));
                assertProofsEqual(MerkleTree.consistencyProof(leaves, m + 1, size), MerkleTree.consistencyProof(nodes, m + 1, size));
            }
        }
    }

    @Test
    void aProofReadsLogarithmicallyManyNodes() {
        long size = 1_000_003;
        for (long index : new long[] {0, 1, 524_287, 999_999, size - 1}) {
            final long m = index;
            Set<SubtreeNodes.Node> needed = SubtreeNodes.neededBy(hashes -> MerkleTree.inclusionProof(hashes, m, size));
            assertTrue(needed.size() <= 2 * 20, needed.size() + " nodes for an inclusion proof in a million");
        }
        Set<SubtreeNodes.Node> consistency = SubtreeNodes.neededBy(hashes -> MerkleTree.consistencyProof(hashes, 777_777, size));
        assertTrue(consistency.size() <= 2 * 20, consistency.size() + " nodes for a consistency proof in a million");
        assertEquals(Long.bitCount(size), SubtreeNodes.cover(0, size).size(), "a head folds one node per bit of the size");
        assertTrue(SubtreeNodes.leftSiblings(size - 1).size() <= 20);
    }

    @Test
    void aRangeThatIsNotASubtreeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SubtreeNodes.cover(3, 7));
        assertThrows(IllegalArgumentException.class, () -> SubtreeNodes.cover(5, 4));
    }

    private static void assertProofsEqual(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
    }
}
