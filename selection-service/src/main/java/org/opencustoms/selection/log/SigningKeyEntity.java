package org.opencustoms.selection.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "log_signing_key")
public class SigningKeyEntity {

    @Id
    public int id;

    /** Absent for a key configured from a Secret: only its public half is kept, to verify the heads it signed. */
    @Column(name = "private_key")
    public byte[] privateKey;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
