package org.opencustoms.selection.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "rule_set")
public class RuleSetEntity {

    @Id
    public int version;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
