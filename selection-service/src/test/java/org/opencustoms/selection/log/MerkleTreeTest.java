package org.opencustoms.selection.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MerkleTreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Certificate Transparency test leaves and the root of the tree of all eight (RFC 6962 reference data). */
    private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String CT_ROOT_8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    @Test
    void rootOfTheReferenceTreeMatches() {
        List<byte[]> leaves = new ArrayList<>();
        for (String leaf : CT_LEAVES) {
            leaves.add(MerkleTree.leafHash(HexFormat.of().parseHex(leaf)));
        }
        assertEquals(CT_ROOT_8, HexFormat.of().formatHex(MerkleTree.rootHash(leaves)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(MerkleTree.rootHash(List.of())), "the empty tree hashes to SHA-256 of nothing");
    }

    @TestFactory
    Stream<DynamicTest> publishedInclusionVectors() throws IOException, URISyntaxException {
        return vectors("inclusion").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode v = JSON.readTree(file.toFile());
            boolean verified = MerkleTree.verifyInclusion(v.get("leafIdx").asLong(), v.get("treeSize").asLong(),
                    bytes(v.get("leafHash")), hashes(v.get("proof")), bytes(v.get("root")));
            assertEquals(!v.get("wantErr").asBoolean(), verified, v.get("desc").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> publishedConsistencyVectors() throws IOException, URISyntaxException {
        return vectors("consistency").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode v = JSON.readTree(file.toFile());
            boolean verified = MerkleTree.verifyConsistency(v.get("size1").asLong(), v.get("size2").asLong(),
                    bytes(v.get("root1")), bytes(v.get("root2")), hashes(v.get("proof")));
            assertEquals(!v.get("wantErr").asBoolean(), verified, v.get("desc").asText());
        }));
    }

    @Test
    void everyInclusionProofVerifiesUpToAFewHundredEntries() {
        List<byte[]> leaves = leaves(300);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = MerkleTree.rootHash(leaves, 0, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
                assertTrue(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, root), index + "/" + size);
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesUpToAFewHundredEntries() {
        List<byte[]> leaves = leaves(300);
        byte[][] roots = new byte[leaves.size() + 1][];
        for (int size = 1; size <= leaves.size(); size++) {
            roots[size] = MerkleTree.rootHash(leaves, 0, size);
        }
        for (int second = 1; second <= leaves.size(); second++) {
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, second);
                assertTrue(MerkleTree.verifyConsistency(first, second, roots[first], roots[second], proof), first + "->" + second);
            }
        }
    }

    @Test
    void aTamperedEntryOrProofFailsVerification() {
        List<byte[]> leaves = leaves(100);
        byte[] root = MerkleTree.rootHash(leaves);
        Random random = new Random(6962);
        for (int trial = 0; trial < 200; trial++) {
            int index = random.nextInt(leaves.size());
            List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, leaves.size());

            byte[] entry = ("entry " + index).getBytes(StandardCharsets.UTF_8);
            entry[random.nextInt(entry.length)] ^= (byte) (1 << random.nextInt(8));
            assertFalse(MerkleTree.verifyInclusion(index, leaves.size(), MerkleTree.leafHash(entry), proof, root));

            List<byte[]> bent = new ArrayList<>(proof);
            byte[] step = bent.get(random.nextInt(bent.size())).clone();
            step[random.nextInt(step.length)] ^= 1;
            bent.set(bent.indexOf(bent.stream().filter(p -> p != step).findFirst().orElseThrow()), step);
            assertFalse(MerkleTree.verifyInclusion(index, leaves.size(), leaves.get(index), bent, root));
        }
        int first = 37;
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, 100);
        byte[] otherFirstRoot = MerkleTree.rootHash(leaves(first, "other"));
        assertFalse(MerkleTree.verifyConsistency(first, 100, otherFirstRoot, root, proof), "a rewritten prefix is detected");
        assertArrayEquals(root, MerkleTree.rootHash(leaves), "hashing is deterministic");
    }

    private static List<byte[]> leaves(int n) {
        return leaves(n, "entry");
    }

    private static List<byte[]> leaves(int n, String prefix) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash((prefix + " " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static Stream<Path> vectors(String kind) throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(MerkleTreeTest.class.getResource("/rfc6962-vectors/" + kind)).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertTrue(list.size() > 50, "the published vectors are present");
            return list.stream();
        }
    }

    private static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    private static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> hashes(JsonNode node) {
        List<byte[]> hashes = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        }
        return hashes;
    }
}
