package org.opencustoms.selection.isf.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.opencustoms.selection.isf.model.FilingStatus;

import java.time.Instant;
import java.util.UUID;

/** One immutable version of a filing, with the compliance facts derived when it was received. */
@Entity
@Table(name = "isf_filing_version")
public class IsfFilingVersionEntity {

    @Id
    public UUID id;

    @Column(name = "filing_id", nullable = false)
    public UUID filingId;

    @Column(nullable = false)
    public int version;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingStatus status;

    @Column(nullable = false, columnDefinition = "text")
    public String document;

    @Column(nullable = false, columnDefinition = "text")
    public String warnings;

    @Column(name = "filing_deadline", nullable = false)
    public Instant filingDeadline;

    @Column(name = "filed_late", nullable = false)
    public boolean filedLate;

    @Column(name = "amended_after_lading", nullable = false)
    public boolean amendedAfterLading;

    @Column(name = "stuffing_items_outstanding", nullable = false)
    public boolean stuffingItemsOutstanding;

    @Column(name = "stuffing_items_deadline")
    public Instant stuffingItemsDeadline;

    @Column(name = "stuffing_items_late", nullable = false)
    public boolean stuffingItemsLate;

    /** the subject of the token that filed or amended this version */
    @Column(name = "filed_by")
    public String filedBy;
}
