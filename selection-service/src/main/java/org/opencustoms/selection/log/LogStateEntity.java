package org.opencustoms.selection.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The log's size; its single row is locked by every append. */
@Entity
@Table(name = "decision_log_state")
public class LogStateEntity {

    public static final int ID = 1;

    @Id
    public int id;

    @Column(nullable = false)
    public long size;
}
