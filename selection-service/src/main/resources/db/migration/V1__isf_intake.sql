-- ISF intake: filings and their immutable versions, the carrier's stow plans and status messages,
-- the discrepancies found between them, and idempotency records of POSTs.

CREATE TABLE isf_filing (
    id                  uuid PRIMARY KEY,
    filing_type         varchar(8)   NOT NULL,
    status              varchar(32)  NOT NULL,
    current_version     integer      NOT NULL,
    vessel_key          varchar(230) NOT NULL,  -- normalised vessel name and voyage, to match stow plans
    port_of_arrival     varchar(5)   NOT NULL,
    first_filed_at      timestamptz  NOT NULL,
    last_changed_at     timestamptz  NOT NULL,
    withdrawn_at        timestamptz,
    row_version         bigint       NOT NULL DEFAULT 0
);
CREATE INDEX isf_filing_first_filed_at ON isf_filing (first_filed_at);
CREATE INDEX isf_filing_vessel_key ON isf_filing (vessel_key);

-- Versions are never updated or deleted.
CREATE TABLE isf_filing_version (
    id                         uuid PRIMARY KEY,
    filing_id                  uuid        NOT NULL REFERENCES isf_filing (id),
    version                    integer     NOT NULL,
    received_at                timestamptz NOT NULL,
    status                     varchar(32) NOT NULL,
    document                   text        NOT NULL,  -- the filing as accepted, JSON
    warnings                   text        NOT NULL,  -- JSON array of strings
    filing_deadline            timestamptz NOT NULL,
    filed_late                 boolean     NOT NULL,
    amended_after_lading       boolean     NOT NULL,
    stuffing_items_outstanding boolean     NOT NULL,
    stuffing_items_deadline    timestamptz,
    stuffing_items_late        boolean     NOT NULL,
    CONSTRAINT isf_filing_version_unique UNIQUE (filing_id, version)
);

-- The bills of lading and containers of each filing's current version, for look-ups and matching.
CREATE TABLE isf_filing_reference (
    id          uuid PRIMARY KEY,
    filing_id   uuid        NOT NULL REFERENCES isf_filing (id),
    kind        varchar(16) NOT NULL,  -- BILL_OF_LADING or CONTAINER
    value       varchar(40) NOT NULL,
    CONSTRAINT isf_filing_reference_unique UNIQUE (filing_id, kind, value)
);
CREATE INDEX isf_filing_reference_lookup ON isf_filing_reference (kind, value);

CREATE TABLE stow_plan (
    id            uuid PRIMARY KEY,
    vessel_key    varchar(230) NOT NULL,
    vessel_name   varchar(200) NOT NULL,
    voyage        varchar(20)  NOT NULL,
    carrier_code  varchar(4)   NOT NULL,
    received_at   timestamptz  NOT NULL
);
CREATE INDEX stow_plan_vessel_key ON stow_plan (vessel_key, received_at);

CREATE TABLE stow_plan_position (
    id                uuid PRIMARY KEY,
    stow_plan_id      uuid        NOT NULL REFERENCES stow_plan (id),
    container_number  varchar(11) NOT NULL,
    bay               integer     NOT NULL,
    row_number        integer     NOT NULL,
    tier              integer     NOT NULL,
    CONSTRAINT stow_plan_position_unique UNIQUE (stow_plan_id, container_number)
);

CREATE TABLE container_status_message (
    id                uuid PRIMARY KEY,
    container_number  varchar(11)  NOT NULL,
    bill_of_lading    varchar(35),
    event_code        varchar(24)  NOT NULL,
    event_at          timestamptz  NOT NULL,
    place             varchar(5)   NOT NULL,
    vessel_key        varchar(230),
    received_at       timestamptz  NOT NULL
);
CREATE INDEX container_status_message_container ON container_status_message (container_number, event_at);

CREATE TABLE filing_discrepancy (
    id              uuid PRIMARY KEY,
    filing_id       uuid         NOT NULL REFERENCES isf_filing (id),
    filing_version  integer      NOT NULL,
    kind            varchar(40)  NOT NULL,
    detail          varchar(500) NOT NULL,
    source          varchar(24)  NOT NULL,  -- STOW_PLAN or STATUS_MESSAGE
    source_id       uuid         NOT NULL,
    detected_at     timestamptz  NOT NULL,
    CONSTRAINT filing_discrepancy_unique UNIQUE (filing_id, filing_version, kind, source_id, detail)
);

CREATE TABLE idempotency_record (
    id               uuid PRIMARY KEY,
    scope            varchar(40)  NOT NULL,
    idempotency_key  varchar(200) NOT NULL,
    request_hash     varchar(64)  NOT NULL,
    response_status  integer      NOT NULL,
    response_body    text         NOT NULL,
    location         varchar(300),
    created_at       timestamptz  NOT NULL,
    CONSTRAINT idempotency_record_unique UNIQUE (scope, idempotency_key)
);
