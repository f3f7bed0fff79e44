package org.opencustoms.selection.log;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

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

    public Uni<LogEntryEntity> entry(long index) {
        return Panache.getSession().chain(s -> s.find(LogEntryEntity.class, index));
    }

    /** The leaf hashes of the first {@code size} entries, in order. */
    public Uni<List<byte[]>> leafHashes(long size) {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("select e.leafHash from LogEntryEntity e where e.logIndex < :size order by e.logIndex", byte[].class)
                .setParameter("size", size)
                .getResultList());
    }

    public Uni<List<LogEntryEntity>> entries(long from, int limit) {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from LogEntryEntity e where e.logIndex >= :from order by e.logIndex", LogEntryEntity.class)
                .setParameter("from", from)
                .setMaxResults(limit)
                .getResultList());
    }

    public Uni<SignedTreeHeadEntity> treeHead(long size) {
        return Panache.getSession().chain(s -> s.find(SignedTreeHeadEntity.class, size));
    }

    public Uni<List<SignedTreeHeadEntity>> treeHeads() {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from SignedTreeHeadEntity h order by h.treeSize", SignedTreeHeadEntity.class)
                .getResultList());
    }

    public Uni<SigningKeyEntity> signingKey() {
        return Panache.getSession().chain(s -> s.find(SigningKeyEntity.class, 1));
    }
}
