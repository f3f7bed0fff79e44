package org.opencustoms.selection.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message to inspection-service waiting to be delivered (a transactional outbox): a shipment's task, or its cancellation. */
@Entity
@Table(name = "inspection_handoff")
public class InspectionHandoffEntity {

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;

    /** TASK (create or supersede the shipment's task) or CANCELLATION */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    /** the filing: its messages are delivered one at a time, in the order written */
    @Column(name = "ordering_key", nullable = false)
    public String orderingKey;

    /** PENDING, DELIVERED, DEAD (refused for good) or DISCARDED; see org.opencustoms.common.outbox.Outbox */
    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** the order of writing, filled by the database */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
