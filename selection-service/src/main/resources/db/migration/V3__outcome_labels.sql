-- What inspections found, as labels for hit rates, the fairness audit and retraining: one row per
-- outcome version sent by inspection-service (corrections are new versions; the latest one counts).
CREATE TABLE outcome_label (
    inspection_id   uuid        NOT NULL,
    outcome_version integer     NOT NULL,
    decision_id     uuid        NOT NULL REFERENCES selection_decision (id),
    violation_found boolean     NOT NULL,
    category        varchar(40),
    categories      text[]      NOT NULL,
    examination     varchar(20) NOT NULL,
    action          varchar(20) NOT NULL,
    correction      boolean     NOT NULL,
    recorded_at     timestamptz NOT NULL,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (inspection_id, outcome_version)
);
CREATE INDEX outcome_label_decision ON outcome_label (decision_id, outcome_version DESC);
