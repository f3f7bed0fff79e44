package org.opencustoms.selection.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Every tree head the log has signed: later verification checks the log still agrees with each of them. */
@Entity
@Table(name = "signed_tree_head")
public class SignedTreeHeadEntity {

    @Id
    @Column(name = "tree_size")
    public long treeSize;

    @Column(name = "root_hash", nullable = false)
    public byte[] rootHash;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(nullable = false)
    public byte[] signature;

    @Column(name = "key_id")
    public String keyId;
}
