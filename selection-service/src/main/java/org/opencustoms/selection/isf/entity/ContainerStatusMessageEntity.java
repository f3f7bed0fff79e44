package org.opencustoms.selection.isf.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.opencustoms.selection.isf.model.StatusEvent;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "container_status_message")
public class ContainerStatusMessageEntity {

    @Id
    public UUID id;

    @Column(name = "container_number", nullable = false)
    public String containerNumber;

    @Column(name = "bill_of_lading")
    public String billOfLading;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_code", nullable = false)
    public StatusEvent eventCode;

    @Column(name = "event_at", nullable = false)
    public Instant eventAt;

    @Column(nullable = false)
    public String place;

    @Column(name = "vessel_key")
    public String vesselKey;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** the SCAC of the carrier that sent the message */
    @Column(name = "carrier_code")
    public String carrierCode;

    @Column(name = "received_from")
    public String receivedFrom;
}
