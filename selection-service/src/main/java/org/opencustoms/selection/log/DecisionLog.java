package org.opencustoms.selection.log;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.common.problem.ProblemException;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The append-only, tamper-evident log of selection decisions (RFC 6962 Merkle tree). Appends run inside the
 * decision's own transaction, under a row lock, so an index is never skipped or given twice.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final LogRepository repository;
    private final LogSigner signer;

    public DecisionLog(LogRepository repository, LogSigner signer) {
        this.repository = repository;
        this.signer = signer;
    }

    /** Locks the log for the caller's transaction; decisions call it first so that they are made one at a time. */
    public Uni<LogStateEntity> lock() {
        return repository.lockState();
    }

    /** Appends an entry at the next index; the caller holds the lock and commits. */
    public Uni<Long> append(LogStateEntity locked, byte[] entry) {
        LogEntryEntity row = new LogEntryEntity();
        row.logIndex = locked.size;
        row.entry = entry;
        row.leafHash = MerkleTree.leafHash(entry);
        row.appendedAt = Instant.now();
        locked.size++;
        return repository.persist(row).replaceWith(row.logIndex);
    }

    /** The signed head of the tree as it is now; a size already signed keeps its first signature. */
    @WithTransaction
    public Uni<TreeHead> currentTreeHead() {
        return repository.size().chain(size -> repository.treeHead(size).chain(existing -> existing != null
                ? signer.publicKey().map(key -> view(existing, key))
                : repository.leafHashes(size).chain(leaves -> sign(size, MerkleTree.rootHash(leaves)))));
    }

    private Uni<TreeHead> sign(long size, byte[] root) {
        SignedTreeHeadEntity head = new SignedTreeHeadEntity();
        head.treeSize = size;
        head.rootHash = root;
        head.issuedAt = Instant.ofEpochMilli(Instant.now().toEpochMilli());
        return signer.sign(LogSigner.signedData(size, root, head.issuedAt.toEpochMilli()))
                .invoke(signature -> head.signature = signature)
                .chain(() -> repository.persist(head))
                .chain(() -> signer.publicKey())
                .map(key -> view(head, key));
    }

    @WithSession
    public Uni<PublicKey> publicKey() {
        return signer.publicKey();
    }

    /** Runs in the caller's session. */
    public Uni<LogEntryEntity> entryInSession(long index) {
        return repository.entry(index);
    }

    @WithSession
    public Uni<LogEntryEntity> entry(long index) {
        return repository.entry(index).onItem().ifNull().failWith(() -> ProblemException.notFound("log entry", index));
    }

    @WithSession
    public Uni<List<LogEntryEntity>> entries(long from, int limit) {
        return repository.entries(from, limit);
    }

    @WithSession
    public Uni<InclusionProof> inclusionProof(long index, Long treeSize) {
        return repository.size().chain(size -> {
            long tree = treeSize == null ? size : treeSize;
            if (tree > size || index < 0 || index >= tree) {
                throw ProblemException.badRequest("proof-range", "no entry " + index + " in a tree of size " + tree
                        + " (the log has " + size + " entries)");
            }
            return repository.leafHashes(tree).map(leaves -> new InclusionProof(index, tree, B64.encodeToString(leaves.get((int) index)),
                    encode(MerkleTree.inclusionProof(leaves, (int) index, (int) tree)), B64.encodeToString(MerkleTree.rootHash(leaves))));
        });
    }

    @WithSession
    public Uni<ConsistencyProof> consistencyProof(long from, long to) {
        return repository.size().chain(size -> {
            if (from < 1 || from > to || to > size) {
                throw ProblemException.badRequest("proof-range", "a consistency proof needs 1 <= from <= to <= " + size);
            }
            return repository.leafHashes(to).map(leaves -> new ConsistencyProof(from, to,
                    B64.encodeToString(MerkleTree.rootHash(leaves, 0, (int) from)), B64.encodeToString(MerkleTree.rootHash(leaves)),
                    encode(MerkleTree.consistencyProof(leaves, (int) from, (int) to))));
        });
    }

    /** Rehashes every stored entry and checks every tree head the log ever signed against it. */
    @WithSession
    public Uni<LogVerification> verify() {
        return repository.size().chain(size -> repository.entries(0, Integer.MAX_VALUE).chain(entries -> repository.treeHeads()
                .chain(heads -> signer.publicKey().map(key -> check(size, entries, heads, key)))));
    }

    private static LogVerification check(long size, List<LogEntryEntity> entries, List<SignedTreeHeadEntity> heads, PublicKey key) {
        List<String> problems = new ArrayList<>();
        if (entries.size() != size) {
            problems.add("the log should hold " + size + " entries but holds " + entries.size());
        }
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LogEntryEntity entry = entries.get(i);
            byte[] rehashed = MerkleTree.leafHash(entry.entry);
            if (entry.logIndex != i) {
                problems.add("entry " + i + " is stored at index " + entry.logIndex);
            }
            if (!Arrays.equals(rehashed, entry.leafHash)) {
                problems.add("entry " + entry.logIndex + " does not match its stored leaf hash");
            }
            leaves.add(rehashed);
        }
        for (SignedTreeHeadEntity head : heads) {
            byte[] signed = LogSigner.signedData(head.treeSize, head.rootHash, head.issuedAt.toEpochMilli());
            if (!LogSigner.verify(key, signed, head.signature)) {
                problems.add("the signature of the tree head of size " + head.treeSize + " does not verify");
            }
            if (head.treeSize > leaves.size()) {
                problems.add("a tree head of size " + head.treeSize + " was signed but the log is shorter");
            } else if (!Arrays.equals(MerkleTree.rootHash(leaves, 0, (int) head.treeSize), head.rootHash)) {
                problems.add("the entries no longer produce the signed root of size " + head.treeSize);
            }
        }
        return new LogVerification(problems.isEmpty(), size, entries.size(), heads.size(), problems);
    }

    private static TreeHead view(SignedTreeHeadEntity head, PublicKey key) {
        return new TreeHead(head.treeSize, B64.encodeToString(head.rootHash), head.issuedAt, head.issuedAt.toEpochMilli(),
                B64.encodeToString(head.signature), LogSigner.keyId(key));
    }

    private static List<String> encode(List<byte[]> hashes) {
        return hashes.stream().map(B64::encodeToString).toList();
    }
}
