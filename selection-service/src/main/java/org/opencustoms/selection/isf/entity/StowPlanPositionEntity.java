package org.opencustoms.selection.isf.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "stow_plan_position")
public class StowPlanPositionEntity {

    @Id
    public UUID id;

    @Column(name = "stow_plan_id", nullable = false)
    public UUID stowPlanId;

    @Column(name = "container_number", nullable = false)
    public String containerNumber;

    @Column(nullable = false)
    public int bay;

    @Column(name = "row_number", nullable = false)
    public int row;

    @Column(nullable = false)
    public int tier;
}
