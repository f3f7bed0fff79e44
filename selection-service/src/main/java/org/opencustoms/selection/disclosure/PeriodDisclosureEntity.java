package org.opencustoms.selection.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A period whose decisions and seed became public, and when: once disclosed, a period stays disclosed. */
@Entity
@Table(name = "period_disclosure")
public class PeriodDisclosureEntity {

    @Id
    public String period;

    @Column(name = "disclosed_at", nullable = false)
    public Instant disclosedAt;

    /** The log's size at the disclosure: the public reads the period's entries below it. */
    @Column(name = "log_size", nullable = false)
    public long logSize;
}
