package org.opencustoms.selection.log;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The log's stored hashes of complete subtrees. Node (level, i) covers leaves [i * 2^level, (i + 1) * 2^level);
 * every range a proof or a tree head needs is the fold of O(log n) such nodes, so nothing loads every leaf.
 */
public final class SubtreeNodes {

    public record Node(int level, long index) {
    }

    public record Hashed(Node node, byte[] hash) {
    }

    private SubtreeNodes() {
    }

    /** The complete subtrees that make up [from, to), largest first; from must be aligned as RFC 6962's splits are. */
    public static List<Node> cover(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no leaf range [" + from + ", " + to + ")");
        }
        List<Node> nodes = new ArrayList<>();
        long position = from;
        for (int level = 62; level >= 0; level--) {
            long width = 1L << level;
            if (((to - from) & width) != 0) {
                if (position % width != 0) {
                    throw new IllegalArgumentException("leaf range [" + from + ", " + to + ") is not a subtree range");
                }
                nodes.add(new Node(level, position >> level));
                position += width;
            }
        }
        return nodes;
    }

    /** MTH of the range the nodes cover, in the order {@link #cover} gives them. */
    public static byte[] fold(List<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] hash = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            hash = MerkleTree.nodeHash(hashes.get(i), hash);
        }
        return hash;
    }

    /** Range hashes from looked-up nodes. */
    public static MerkleTree.RangeHashes from(Function<Node, byte[]> lookup) {
        return (from, to) -> fold(cover(from, to).stream().map(node -> {
            byte[] hash = lookup.apply(node);
            if (hash == null) {
                throw new IllegalStateException("the log has no stored subtree hash " + node);
            }
            return hash;
        }).toList());
    }

    /** Range hashes that only note which nodes would be read: a dry run tells what to fetch in one query. */
    public static MerkleTree.RangeHashes recording(Set<Node> needed) {
        byte[] placeholder = new byte[MerkleTree.HASH_SIZE];
        return (from, to) -> {
            needed.addAll(cover(from, to));
            return placeholder;
        };
    }

    /** The nodes an inclusion or consistency proof reads, found by running it on placeholders. */
    public static Set<Node> neededBy(Function<MerkleTree.RangeHashes, ?> proof) {
        Set<Node> needed = new LinkedHashSet<>();
        proof.apply(recording(needed));
        return needed;
    }

    /** The left siblings a leaf appended at {@code index} completes subtrees with. */
    public static List<Node> leftSiblings(long index) {
        List<Node> siblings = new ArrayList<>();
        for (int level = 0; ((index >> level) & 1) == 1; level++) {
            siblings.add(new Node(level, (index >> level) - 1));
        }
        return siblings;
    }

    /** The nodes a leaf appended at {@code index} adds: the leaf itself and each subtree it completes. */
    public static List<Hashed> appended(long index, byte[] leafHash, Map<Node, byte[]> leftSiblings) {
        List<Hashed> added = new ArrayList<>();
        Node node = new Node(0, index);
        byte[] hash = leafHash;
        added.add(new Hashed(node, hash));
        while ((node.index() & 1) == 1) {
            Node left = new Node(node.level(), node.index() - 1);
            byte[] leftHash = leftSiblings.get(left);
            if (leftHash == null) {
                throw new IllegalStateException("the log has no stored subtree hash " + left);
            }
            hash = MerkleTree.nodeHash(leftHash, hash);
            node = new Node(node.level() + 1, node.index() >> 1);
            added.add(new Hashed(node, hash));
        }
        return added;
    }

    /** Leaves folded in one at a time, keeping only the O(log n) roots of the complete subtrees so far. */
    public static final class CompactRange {
        private final List<byte[]> roots = new ArrayList<>();
        private final List<Integer> levels = new ArrayList<>();
        private long size;

        public void append(byte[] leafHash) {
            byte[] hash = leafHash;
            int level = 0;
            while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
                hash = MerkleTree.nodeHash(roots.remove(roots.size() - 1), hash);
                levels.remove(levels.size() - 1);
                level++;
            }
            roots.add(hash);
            levels.add(level);
            size++;
        }

        public long size() {
            return size;
        }

        public byte[] root() {
            return fold(roots);
        }
    }
}
