package org.opencustoms.selection.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A selection decision. Never edited: a new filing version gets a new decision that supersedes it. */
@Entity
@Table(name = "selection_decision")
public class DecisionEntity {

    @Id
    public UUID id;

    @Column(name = "filing_id", nullable = false)
    public UUID filingId;

    @Column(name = "filing_version", nullable = false)
    public int filingVersion;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(nullable = false)
    public String port;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Lane lane;

    @Column(name = "risk_score", nullable = false)
    public double riskScore;

    @Column(name = "rule_score", nullable = false)
    public double ruleScore;

    @Column(name = "model_score")
    public Double modelScore;

    @Column(name = "model_version", nullable = false)
    public String modelVersion;

    @Column(name = "rule_set_version", nullable = false)
    public int ruleSetVersion;

    @Column(name = "picked_by_risk", nullable = false)
    public boolean pickedByRisk;

    @Column(name = "picked_at_random", nullable = false)
    public boolean pickedAtRandom;

    @Column(name = "random_period", nullable = false)
    public String randomPeriod;

    @Column(name = "random_rate", nullable = false)
    public double randomRate;

    @Column(name = "random_draw", nullable = false)
    public String randomDraw;

    @Column(name = "pick_probability", nullable = false)
    public double pickProbability;

    @Column(nullable = false, columnDefinition = "text")
    public String reasons;

    @Column
    public UUID supersedes;

    @Column(name = "log_index", nullable = false)
    public long logIndex;

    /**
     * The party's filings before this one, as the rules counted them under the log's lock (0: a first-time importer); for
     * the audit's groups. Null on decisions of a previous version that ran beside the migration adding it.
     */
    @Column(name = "party_prior_filings")
    public Long partyPriorFilings;
}
