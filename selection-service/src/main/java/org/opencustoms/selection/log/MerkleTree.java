package org.opencustoms.selection.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing: the tree head, inclusion and consistency proofs (over a list of
 * leaf hashes, or over any source of range hashes such as {@link SubtreeNodes}), and their verification. Leaf hash = SHA-256(0x00 || entry), node hash = SHA-256(0x01 || left || right).
 */
public final class MerkleTree {

    public static final int HASH_SIZE = 32;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(entry);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** MTH(D[n]) over the leaf hashes {@code leaves[from, to)}. */
    public static byte[] rootHash(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return emptyRoot();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(rootHash(leaves, from, from + k), rootHash(leaves, from + k, to));
    }

    public static byte[] rootHash(List<byte[]> leaves) {
        return rootHash(leaves, 0, leaves.size());
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The hashes of leaf ranges a proof is made of: MTH(D[from:to]). */
    @FunctionalInterface
    public interface RangeHashes {
        byte[] range(long from, long to);

        static RangeHashes of(List<byte[]> leaves) {
            return (from, to) -> rootHash(leaves, (int) from, (int) to);
        }
    }

    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index, int size) {
        if (size > leaves.size()) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of size " + size);
        }
        return inclusionProof(RangeHashes.of(leaves), index, size);
    }

    /** PATH(m, D[n]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusionProof(RangeHashes hashes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(hashes, index, 0, size, proof);
        return proof;
    }

    private static void path(RangeHashes hashes, long m, long from, long to, List<byte[]> proof) {
        long n = to - from;
        if (n <= 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(hashes, m, from, from + k, proof);
            proof.add(hashes.range(from + k, to));
        } else {
            path(hashes, m - k, from + k, to, proof);
            proof.add(hashes.range(from, from + k));
        }
    }

    public static List<byte[]> consistencyProof(List<byte[]> leaves, int first, int second) {
        if (second > leaves.size()) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to " + second);
        }
        return consistencyProof(RangeHashes.of(leaves), first, second);
    }

    /** PROOF(m, D[n]): proves the tree of the first {@code first} leaves is a prefix of the first {@code second}. */
    public static List<byte[]> consistencyProof(RangeHashes hashes, long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(hashes, first, 0, second, true, proof);
        return proof;
    }

    private static void subproof(RangeHashes hashes, long m, long from, long to, boolean complete, List<byte[]> proof) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(hashes.range(from, to));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(hashes, m, from, from + k, complete, proof);
            proof.add(hashes.range(from + k, to));
        } else {
            subproof(hashes, m - k, from + k, to, false, proof);
            proof.add(hashes.range(from, from + k));
        }
    }

    /** RFC 9162 section 2.1.3.2. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 section 2.1.4.2; a proof from size 0 is an error, equal sizes need an empty proof and equal roots. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 1 || first > second || proof == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && firstRoot != null && Arrays.equals(firstRoot, secondRoot);
        }
        if (!isHash(firstRoot) || !isHash(secondRoot) || !allHashes(proof)) {
            return false;
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(MerkleTree::isHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
