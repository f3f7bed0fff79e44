package org.opencustoms.selection.isf.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A disagreement between a filing version and the carrier's stow plan or status messages. */
@Entity
@Table(name = "filing_discrepancy")
public class FilingDiscrepancyEntity {

    @Id
    public UUID id;

    @Column(name = "filing_id", nullable = false)
    public UUID filingId;

    @Column(name = "filing_version", nullable = false)
    public int filingVersion;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String detail;

    @Column(nullable = false)
    public String source;

    @Column(name = "source_id", nullable = false)
    public UUID sourceId;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;
}
