package org.opencustoms.selection.log;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Storage of the decision log: its locked size row, its entries, its key and the tree heads it signed. */
@ApplicationScoped
public class LogRepository {

    /** SELECT ... FOR UPDATE on the size row: appends wait for each other, so indices are gap-free. */
    public Uni<LogStateEntity> lockState() {
        return Panache.getSession().chain(s -> s.find(LogStateEntity.class, LogStateEntity.ID, LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<Long> size() {
        return Panache.getSession().chain(s -> s.find(LogStateEntity.class, LogStateEntity.ID)).map(state -> state.size);
    }

    public Uni<Void> persist(Object entity) {
        return Panache.getSession().chain(s -> s.persist(entity));
    }

    /** Detaches everything the session has loaded (read-only walks over the whole log). */
    public Uni<Void> forgetLoaded() {
        return Panache.getSession().invoke(s -> s.clear()).replaceWithVoid();
    }

    public Uni<LogEntryEntity> entry(long index) {
        return Panache.getSession().chain(s -> s.find(LogEntryEntity.class, index));
    }

    /** Stored subtree hashes; coordinates are numbers, so they are written into the statement, one round trip. */
    public Uni<Map<SubtreeNodes.Node, byte[]>> nodes(Collection<SubtreeNodes.Node> wanted) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String tuples = wanted.stream().map(n -> "(" + n.level() + "," + n.index() + ")").collect(Collectors.joining(","));
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select level, node_index, hash from {h-schema}decision_log_node where (level, node_index) in (" + tuples + ")",
                        Object[].class)
                .getResultList())
                .map(rows -> {
                    Map<SubtreeNodes.Node, byte[]> found = new HashMap<>();
                    for (Object[] row : rows) {
                        found.put(new SubtreeNodes.Node(((Number) row[0]).intValue(), ((Number) row[1]).longValue()), (byte[]) row[2]);
                    }
                    return found;
                });
    }

    public Uni<Integer> insertNodes(List<SubtreeNodes.Hashed> nodes) {
        StringBuilder sql = new StringBuilder("insert into {h-schema}decision_log_node (level, node_index, hash) values ");
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            SubtreeNodes.Hashed node = nodes.get(i);
            sql.append(i == 0 ? "" : ",").append('(').append(node.node().level()).append(',').append(node.node().index())
                    .append(", :h").append(i).append(')');
            hashes.add(node.hash());
        }
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString());
            for (int i = 0; i < hashes.size(); i++) {
                query.setParameter("h" + i, hashes.get(i));
            }
            return query.executeUpdate();
        });
    }

    public Uni<List<LogEntryEntity>> inPeriod(String period) {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from LogEntryEntity e where e.period = :period order by e.logIndex", LogEntryEntity.class)
                .setParameter("period", period)
                .getResultList());
    }

    public Uni<List<SigningKeyEntity>> signingKeys() {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from SigningKeyEntity k order by k.id", SigningKeyEntity.class)
                .getResultList());
    }

    public Uni<List<LogEntryEntity>> entries(long from, int limit) {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from LogEntryEntity e where e.logIndex >= :from order by e.logIndex", LogEntryEntity.class)
                .setParameter("from", from)
                .setMaxResults(limit)
                .getResultList());
    }

    /**
     * Stored subtree hashes that are not the hash of their two children (or, at level 0, of their leaf), or whose
     * child or leaf is missing, among the nodes of the first {@code size} leaves.
     */
    public Uni<Long> inconsistentNodes(long size) {
        String sql = "select (select count(*) from {h-schema}decision_log_node n left join {h-schema}decision_log_entry e"
                + " on e.log_index = n.node_index where n.level = 0 and n.node_index < :size"
                + " and (e.log_index is null or n.hash <> e.leaf_hash))"
                + " + (select count(*) from {h-schema}decision_log_node p"
                + " left join {h-schema}decision_log_node l on l.level = p.level - 1 and l.node_index = 2 * p.node_index"
                + " left join {h-schema}decision_log_node r on r.level = p.level - 1 and r.node_index = 2 * p.node_index + 1"
                + " where p.level > 0 and ((p.node_index + 1) << p.level) <= :size"
                + " and (l.hash is null or r.hash is null or p.hash <> sha256('\\x01'::bytea || l.hash || r.hash)))";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object.class).setParameter("size", size).getSingleResult())
                .map(count -> ((Number) count).longValue());
    }

    public Uni<Integer> insertHeadUnlessSigned(SignedTreeHeadEntity head) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into {h-schema}signed_tree_head "
                        + "(tree_size, root_hash, issued_at, signature, key_id) values (:size, :root, :issued, :signature, :key) "
                        + "on conflict do nothing")
                .setParameter("size", head.treeSize).setParameter("root", head.rootHash).setParameter("issued", head.issuedAt)
                .setParameter("signature", head.signature).setParameter("key", head.keyId).executeUpdate());
    }

    public Uni<SignedTreeHeadEntity> treeHead(long size) {
        return Panache.getSession().chain(s -> s.find(SignedTreeHeadEntity.class, size));
    }

    /** The heads signed for sizes up to {@code size}, smallest first (a verification of that size ignores later ones). */
    public Uni<List<SignedTreeHeadEntity>> treeHeadsUpTo(long size) {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from SignedTreeHeadEntity h where h.treeSize <= :size order by h.treeSize", SignedTreeHeadEntity.class)
                .setParameter("size", size)
                .getResultList());
    }

    /** Heads signed before keys were recorded with them (a configured key, before the log named its keys). */
    public Uni<List<SignedTreeHeadEntity>> headsWithoutKey() {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from SignedTreeHeadEntity h where h.keyId is null", SignedTreeHeadEntity.class)
                .getResultList());
    }

    /** The key that signs new heads: the newest one not retired. */
    public Uni<SigningKeyEntity> currentSigningKey() {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from SigningKeyEntity k where k.retiredAt is null order by k.id desc", SigningKeyEntity.class)
                .setMaxResults(1)
                .getSingleResultOrNull());
    }
}
