package org.opencustoms.selection.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "decision_log_entry")
public class LogEntryEntity {

    @Id
    @Column(name = "log_index")
    public long logIndex;

    @Column(nullable = false)
    public byte[] entry;

    @Column(name = "leaf_hash", nullable = false)
    public byte[] leafHash;

    @Column(name = "appended_at", nullable = false)
    public Instant appendedAt;

    /** 1: the leaf is the whole decision (before commitments); 2: the leaf is a {@link CommitmentEnvelope}. */
    @Column(nullable = false)
    public short format;

    @Column(nullable = false)
    public String period;

    /** The whole decision, canonical JSON: for supervisors and auditors only. */
    @Column(nullable = false)
    public byte[] decision;

    /** What the importer and, after the embargo, the public may read; committed to in the leaf (format 2). */
    public byte[] disclosed;

    public byte[] salt;

    @Column(name = "intelligence_salt")
    public byte[] intelligenceSalt;
}
