package org.opencustoms.selection.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One disclosure: who was shown which decision, seed or period, and when. */
@Entity
@Table(name = "disclosure_record")
public class DisclosureRecordEntity {

    @Id
    public UUID id;

    @Column(name = "disclosed_at", nullable = false)
    public Instant disclosedAt;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String audience;

    public String subject;

    public String party;
}
