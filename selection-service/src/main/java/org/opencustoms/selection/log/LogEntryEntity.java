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
}
