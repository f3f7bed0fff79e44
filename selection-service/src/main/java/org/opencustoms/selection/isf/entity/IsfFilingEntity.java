package org.opencustoms.selection.isf.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.opencustoms.selection.isf.model.FilingStatus;
import org.opencustoms.selection.isf.model.FilingType;

import java.time.Instant;
import java.util.UUID;

/** A filing's identity and where it stands; its content lives in its versions. */
@Entity
@Table(name = "isf_filing")
public class IsfFilingEntity {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "filing_type", nullable = false)
    public FilingType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingStatus status;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "vessel_key", nullable = false)
    public String vesselKey;

    @Column(name = "port_of_arrival", nullable = false)
    public String portOfArrival;

    /** Importer of record or booking party, to tell first-time and rarely seen parties. */
    @Column(name = "party_key", nullable = false)
    public String partyKey;

    /** Identifies the shipment to the random draw; fixed by the first version. */
    @Column(name = "shipment_key", nullable = false)
    public String shipmentKey;

    @Column(name = "first_filed_at", nullable = false)
    public Instant firstFiledAt;

    @Column(name = "last_changed_at", nullable = false)
    public Instant lastChangedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** The filer's party number, from its token: an importer reads and changes only the filings of its own party. */
    @Column(name = "filer_party")
    public String filerParty;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    /** The SCAC of the carrier named in the current version: carrier data is matched only to its own filings. */
    @Column(name = "carrier_code")
    public String carrierCode;

    /** Two amendments racing for the same filing: the second fails instead of both becoming version n+1. */
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;
}
