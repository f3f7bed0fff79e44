-- Selection engine: rule sets, random-draw seeds, decisions and the tamper-evident decision log.

-- Who files: the importer of record (ISF-10) or the booking party (ISF-5), for first-time/rare party rules.
ALTER TABLE isf_filing ADD COLUMN party_key varchar(220) NOT NULL DEFAULT '';
ALTER TABLE isf_filing ADD COLUMN shipment_key varchar(60) NOT NULL DEFAULT '';
CREATE INDEX isf_filing_party_key ON isf_filing (party_key, first_filed_at);

CREATE TABLE rule_set (
    version      integer PRIMARY KEY,
    content      text         NOT NULL,  -- the rule set as JSON
    created_at   timestamptz  NOT NULL,
    created_by   varchar(100) NOT NULL
);

-- One seed per period (a UTC day). Its SHA-256 commitment is published before the period starts and the
-- seed itself only after it ends.
CREATE TABLE random_seed (
    period       varchar(10) PRIMARY KEY,
    seed         bytea       NOT NULL,
    commitment   varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE selection_decision (
    id                uuid PRIMARY KEY,
    filing_id         uuid             NOT NULL REFERENCES isf_filing (id),
    filing_version    integer          NOT NULL,
    decided_at        timestamptz      NOT NULL,
    port              varchar(5)       NOT NULL,
    lane              varchar(20)      NOT NULL,
    risk_score        double precision NOT NULL,
    rule_score        double precision NOT NULL,
    model_score       double precision,
    model_version     varchar(80)      NOT NULL,
    rule_set_version  integer          NOT NULL,
    picked_by_risk    boolean          NOT NULL,
    picked_at_random  boolean          NOT NULL,
    random_period     varchar(10)      NOT NULL,
    random_rate       double precision NOT NULL,
    random_draw       varchar(64)      NOT NULL,
    pick_probability  double precision NOT NULL,
    reasons           text             NOT NULL,  -- JSON
    supersedes        uuid,
    log_index         bigint           NOT NULL UNIQUE,
    CONSTRAINT selection_decision_version_unique UNIQUE (filing_id, filing_version)
);
CREATE INDEX selection_decision_port_day ON selection_decision (port, decided_at);

-- The append-only log. The single state row is locked by every append, so indices are gap-free and totally
-- ordered: a rolled-back decision rolls back its increment too.
CREATE TABLE decision_log_state (
    id    integer PRIMARY KEY,
    size  bigint  NOT NULL
);
INSERT INTO decision_log_state (id, size) VALUES (1, 0);

CREATE TABLE decision_log_entry (
    log_index    bigint PRIMARY KEY,
    entry        bytea       NOT NULL,  -- canonical JSON of the decision, exactly the bytes hashed
    leaf_hash    bytea       NOT NULL,
    appended_at  timestamptz NOT NULL
);

CREATE TABLE log_signing_key (
    id           integer PRIMARY KEY,
    private_key  bytea       NOT NULL,  -- Ed25519, PKCS#8; only used where no key is configured (local runs)
    public_key   bytea       NOT NULL,  -- X.509 SubjectPublicKeyInfo
    created_at   timestamptz NOT NULL
);

CREATE TABLE signed_tree_head (
    tree_size    bigint PRIMARY KEY,
    root_hash    bytea       NOT NULL,
    issued_at    timestamptz NOT NULL,
    signature    bytea       NOT NULL
);

-- Selected shipments waiting to be handed to inspection-service (delivered after the decision commits).
CREATE TABLE inspection_handoff (
    decision_id   uuid PRIMARY KEY REFERENCES selection_decision (id),
    payload       text        NOT NULL,
    state         varchar(16) NOT NULL,  -- PENDING, DELIVERED
    attempts      integer     NOT NULL,
    last_error    varchar(500),
    created_at    timestamptz NOT NULL,
    delivered_at  timestamptz
);
CREATE INDEX inspection_handoff_pending ON inspection_handoff (state, created_at);
