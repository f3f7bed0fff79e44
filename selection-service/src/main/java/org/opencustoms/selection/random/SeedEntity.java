package org.opencustoms.selection.random;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "random_seed")
public class SeedEntity {

    @Id
    public String period;

    @Column(nullable = false)
    public byte[] seed;

    @Column(nullable = false)
    public String commitment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
