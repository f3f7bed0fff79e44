package org.opencustoms.selection.isf.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The first answer to a POST carrying an Idempotency-Key, replayed to retries of the same request. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecordEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String scope;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    @Column(name = "response_body", nullable = false, columnDefinition = "text")
    public String responseBody;

    @Column
    public String location;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
