package org.opencustoms.selection.isf.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "stow_plan")
public class StowPlanEntity {

    @Id
    public UUID id;

    @Column(name = "vessel_key", nullable = false)
    public String vesselKey;

    @Column(name = "vessel_name", nullable = false)
    public String vesselName;

    @Column(nullable = false)
    public String voyage;

    @Column(name = "carrier_code", nullable = false)
    public String carrierCode;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "received_from")
    public String receivedFrom;
}
