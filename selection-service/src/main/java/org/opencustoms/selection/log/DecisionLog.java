package org.opencustoms.selection.log;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.common.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The append-only, tamper-evident log of selection decisions (RFC 6962 Merkle tree). Each leaf commits to a
 * decision without revealing it ({@link CommitmentEnvelope}). Appends run inside the decision's own transaction,
 * under a row lock, so an index is never skipped or given twice; appends, heads and proofs read O(log n) stored
 * subtree hashes ({@link SubtreeNodes}), and full verification streams the entries.
 */
@ApplicationScoped
public class DecisionLog {

    /** What a decision puts in the log: the whole decision, the part that may be disclosed, and its period. */
    public record Content(byte[] decision, byte[] disclosed, byte[] intelligenceSalt, String period, Instant time) {
    }

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final int VERIFY_PAGE = 2000;
    /** Signing takes no lock: a head a replica began to sign just before a rotation committed may bear the old key. */
    private static final java.time.Duration RETIREMENT_GRACE = java.time.Duration.ofMinutes(1);

    private final LogRepository repository;
    private final LogSigner signer;
    private final LogContentCheck contentCheck;

    public DecisionLog(LogRepository repository, LogSigner signer, LogContentCheck contentCheck) {
        this.repository = repository;
        this.signer = signer;
        this.contentCheck = contentCheck;
    }

    /** Locks the log for the caller's transaction; decisions call it first so that they are made one at a time. */
    public Uni<LogStateEntity> lock() {
        return repository.lockState();
    }

    /** Appends a committed entry at the next index; the caller holds the lock and commits. */
    public Uni<Long> append(LogStateEntity locked, Content content) {
        LogEntryEntity row = new LogEntryEntity();
        row.logIndex = locked.size;
        row.format = 2;
        row.period = content.period();
        row.decision = content.decision();
        row.disclosed = content.disclosed();
        row.salt = CommitmentEnvelope.salt();
        row.intelligenceSalt = content.intelligenceSalt();
        row.appendedAt = content.time();
        row.entry = CommitmentEnvelope.of(row.logIndex, row.period, row.appendedAt, row.salt, row.disclosed).bytes();
        row.leafHash = MerkleTree.leafHash(row.entry);
        locked.size++;
        return repository.persist(row)
                .chain(() -> repository.nodes(SubtreeNodes.leftSiblings(row.logIndex)))
                .chain(siblings -> repository.insertNodes(SubtreeNodes.appended(row.logIndex, row.leafHash, siblings)))
                .replaceWith(row.logIndex);
    }

    /** The signed head of the tree as it is now; a size already signed keeps its first signature. */
    @WithTransaction
    public Uni<TreeHead> currentTreeHead() {
        return repository.size().chain(size -> repository.treeHead(size).chain(existing -> existing != null
                ? Uni.createFrom().item(view(existing))
                : root(size).chain(root -> sign(size, root))));
    }

    private Uni<byte[]> root(long size) {
        List<SubtreeNodes.Node> cover = SubtreeNodes.cover(0, size);
        return repository.nodes(cover).map(nodes -> SubtreeNodes.from(nodes::get).range(0, size));
    }

    private Uni<TreeHead> sign(long size, byte[] root) {
        SignedTreeHeadEntity head = new SignedTreeHeadEntity();
        head.treeSize = size;
        head.rootHash = root;
        head.issuedAt = Instant.ofEpochMilli(Instant.now().toEpochMilli());
        // two readers may sign the same new size at once: the first head written is the head of that size
        return signer.sign(LogSigner.signedData(size, root, head.issuedAt.toEpochMilli()))
                .invoke(signed -> {
                    head.signature = signed.signature();
                    head.keyId = signed.keyId();
                })
                .chain(() -> repository.insertHeadUnlessSigned(head))
                .chain(() -> repository.treeHead(size))
                .map(DecisionLog::view);
    }

    /** The number of entries; runs in the caller's session. */
    public Uni<Long> size() {
        return repository.size();
    }

    @WithSession
    public Uni<List<LogSigner.SigningKey>> keys() {
        return signer.keys();
    }

    @WithTransaction
    public Uni<LogSigner.SigningKey> currentKey() {
        return signer.current();
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

    /** The entries of one random-draw period, in log order. Runs in the caller's session. */
    public Uni<List<LogEntryEntity>> inPeriod(String period) {
        return repository.inPeriod(period);
    }

    /** Runs in the caller's session. */
    public Uni<InclusionProof> inclusionProofInSession(long index, Long treeSize) {
        return repository.size().chain(size -> {
            long tree = treeSize == null ? size : treeSize;
            if (tree > size || index < 0 || index >= tree) {
                throw ProblemException.badRequest("proof-range", "no entry " + index + " in a tree of size " + tree
                        + " (the log has " + size + " entries)");
            }
            return proof(hashes -> MerkleTree.inclusionProof(hashes, index, tree), tree, List.of(new SubtreeNodes.Node(0, index))).map(proved ->
                    new InclusionProof(index, tree, B64.encodeToString(proved.nodes().get(new SubtreeNodes.Node(0, index))),
                            encode(proved.proof()), B64.encodeToString(proved.root())));
        });
    }

    @WithSession
    public Uni<InclusionProof> inclusionProof(long index, Long treeSize) {
        return inclusionProofInSession(index, treeSize);
    }

    @WithSession
    public Uni<ConsistencyProof> consistencyProof(long from, long to) {
        return repository.size().chain(size -> {
            if (from < 1 || from > to || to > size) {
                throw ProblemException.badRequest("proof-range", "a consistency proof needs 1 <= from <= to <= " + size);
            }
            return proof(hashes -> MerkleTree.consistencyProof(hashes, from, to), to, SubtreeNodes.cover(0, from)).map(proved -> new ConsistencyProof(from, to,
                    B64.encodeToString(SubtreeNodes.from(proved.nodes()::get).range(0, from)), B64.encodeToString(proved.root()),
                    encode(proved.proof())));
        });
    }

    private record Proved(List<byte[]> proof, byte[] root, Map<SubtreeNodes.Node, byte[]> nodes) {
    }

    /** Runs a proof twice: on placeholders to learn which nodes it reads, then on those nodes fetched at once. */
    private Uni<Proved> proof(Function<MerkleTree.RangeHashes, List<byte[]>> proof, long treeSize, List<SubtreeNodes.Node> alsoNeeded) {
        Set<SubtreeNodes.Node> needed = SubtreeNodes.neededBy(proof);
        needed.addAll(SubtreeNodes.cover(0, treeSize));
        needed.addAll(alsoNeeded);
        return repository.nodes(needed).map(nodes -> {
            MerkleTree.RangeHashes hashes = SubtreeNodes.from(nodes::get);
            return new Proved(proof.apply(hashes), hashes.range(0, treeSize), nodes);
        });
    }

    /**
     * Rehashes every stored entry, page by page, checks each commitment against its content and salt, checks every
     * tree head the log ever signed (with the key it names) against the entries, and checks the stored subtree
     * hashes give the same root.
     */
    @WithSession
    public Uni<LogVerification> verify() {
        return repository.size().chain(size -> repository.treeHeadsUpTo(size).chain(heads -> signer.keys().chain(keys -> {
            Verification run = new Verification(size, heads, keys.stream()
                    .collect(Collectors.toMap(LogSigner.SigningKey::keyId, key -> key)), contentCheck);
            return verifyFrom(0, run).chain(() -> root(run.range.size())
                    .chain(stored -> repository.inconsistentNodes(size).map(bad -> run.finish(stored, bad))));
        })));
    }

    private Uni<Void> verifyFrom(long from, Verification run) {
        int limit = (int) Math.min(VERIFY_PAGE, run.size - from);
        if (limit <= 0) {
            return Uni.createFrom().voidItem();
        }
        // nothing below holds a page once it is checked, and the session forgets what it loaded: memory stays one page
        return repository.entries(from, limit).map(page -> {
            page.forEach(run::check);
            return page.size();
        }).call(checked -> repository.forgetLoaded()).chain(checked -> checked < limit
                ? Uni.createFrom().voidItem() : verifyFrom(from + checked, run));
    }

    /** The state of one streaming verification: O(log n) hashes, whatever the log's size. */
    private static final class Verification {
        final long size;
        final List<SignedTreeHeadEntity> heads;
        final Map<String, LogSigner.SigningKey> keys;
        final LogContentCheck contentCheck;
        final SubtreeNodes.CompactRange range = new SubtreeNodes.CompactRange();
        final List<String> problems = new ArrayList<>();
        int nextHead;
        int commitments;

        Verification(long size, List<SignedTreeHeadEntity> heads, Map<String, LogSigner.SigningKey> keys, LogContentCheck contentCheck) {
            this.size = size;
            this.heads = heads;
            this.keys = keys;
            this.contentCheck = contentCheck;
            checkHeadsAt(0);
        }

        void check(LogEntryEntity entry) {
            long i = range.size();
            if (entry.logIndex != i) {
                problems.add("entry " + i + " is stored at index " + entry.logIndex);
            }
            byte[] rehashed = MerkleTree.leafHash(entry.entry);
            if (!Arrays.equals(rehashed, entry.leafHash)) {
                problems.add("entry " + entry.logIndex + " does not match its stored leaf hash");
            }
            if (entry.format == 2) {
                checkCommitment(entry);
            }
            String unbound = contentCheck.problem(entry);
            if (unbound != null) {
                problems.add("entry " + entry.logIndex + ": " + unbound);
            }
            range.append(rehashed);
            checkHeadsAt(range.size());
        }

        private void checkCommitment(LogEntryEntity entry) {
            CommitmentEnvelope envelope;
            try {
                envelope = CommitmentEnvelope.read(entry.entry);
            } catch (IllegalStateException e) {
                problems.add("entry " + entry.logIndex + " is not a readable commitment envelope");
                return;
            }
            if (envelope.index() != entry.logIndex || !envelope.period().equals(entry.period)) {
                problems.add("entry " + entry.logIndex + "'s envelope names index " + envelope.index() + " and period " + envelope.period());
            }
            if (entry.salt == null || entry.disclosed == null
                    || !CommitmentEnvelope.commitment(entry.salt, entry.disclosed).equals(envelope.commitment())) {
                problems.add("entry " + entry.logIndex + "'s content and salt do not match its commitment");
            } else {
                commitments++;
            }
        }

        private void checkHeadsAt(long treeSize) {
            while (nextHead < heads.size() && heads.get(nextHead).treeSize <= treeSize) {
                SignedTreeHeadEntity head = heads.get(nextHead++);
                LogSigner.SigningKey key = head.keyId == null ? null : keys.get(head.keyId);
                if (key == null) {
                    problems.add("the tree head of size " + head.treeSize + " names key " + head.keyId + ", which the log never had");
                } else if (!LogSigner.verify(key.publicKey(), LogSigner.signedData(head.treeSize, head.rootHash,
                        head.issuedAt.toEpochMilli()), head.signature)) {
                    problems.add("the signature of the tree head of size " + head.treeSize + " does not verify with key " + head.keyId);
                } else if (key.retiredAt() != null && head.issuedAt.isAfter(key.retiredAt().plus(RETIREMENT_GRACE))) {
                    problems.add("the tree head of size " + head.treeSize + " was signed by key " + head.keyId + " after it was retired");
                }
                if (!Arrays.equals(range.root(), head.rootHash)) {
                    problems.add("the entries no longer produce the signed root of size " + head.treeSize);
                }
            }
        }

        LogVerification finish(byte[] storedRoot, long inconsistentNodes) {
            if (inconsistentNodes > 0) {
                problems.add(inconsistentNodes + " stored subtree hashes do not match the hashes below them");
            }
            if (range.size() != size) {
                problems.add("the log should hold " + size + " entries but holds " + range.size());
            }
            for (int i = nextHead; i < heads.size(); i++) {
                problems.add("a tree head of size " + heads.get(i).treeSize + " was signed but the log is shorter");
            }
            if (!Arrays.equals(storedRoot, range.root())) {
                problems.add("the stored subtree hashes do not give the root the entries give");
            }
            return new LogVerification(problems.isEmpty(), size, range.size(), heads.size(), commitments, problems);
        }
    }

    private static TreeHead view(SignedTreeHeadEntity head) {
        return new TreeHead(head.treeSize, B64.encodeToString(head.rootHash), head.issuedAt, head.issuedAt.toEpochMilli(),
                B64.encodeToString(head.signature), head.keyId);
    }

    private static List<String> encode(List<byte[]> hashes) {
        return hashes.stream().map(B64::encodeToString).toList();
    }
}
