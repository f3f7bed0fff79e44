package org.opencustoms.selection.isf.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A bill of lading or container of a filing's current version. */
@Entity
@Table(name = "isf_filing_reference")
public class FilingReferenceEntity {

    public static final String BILL_OF_LADING = "BILL_OF_LADING";
    public static final String CONTAINER = "CONTAINER";

    @Id
    public UUID id;

    @Column(name = "filing_id", nullable = false)
    public UUID filingId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String value;

    public static FilingReferenceEntity of(UUID filingId, String kind, String value) {
        FilingReferenceEntity reference = new FilingReferenceEntity();
        reference.id = UUID.randomUUID();
        reference.filingId = filingId;
        reference.kind = kind;
        reference.value = value;
        return reference;
    }
}
