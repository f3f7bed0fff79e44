-- An inspection task: one per selection decision (the unique decision id makes hand-offs idempotent).
create table task (
    id                   uuid primary key,
    decision_id          uuid not null unique,
    filing_id            uuid not null,
    filing_version       integer not null,
    shipment_key         text not null,
    port                 text not null,
    lane                 text not null,
    containers           text[] not null,
    bill_of_lading       text,
    reasons              jsonb not null,
    risk_score           double precision not null,
    picked_at_random     boolean not null,
    estimated_arrival_at timestamptz,
    due_at               timestamptz not null,
    status               text not null check (status in ('OPEN', 'CLAIMED', 'SUBMITTED')),
    assignee             text,
    version              integer not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    submitted_at         timestamptz
);
create index task_status_port on task (status, port);
create index task_assignee on task (assignee) where assignee is not null;
create index task_containers on task using gin (containers);

-- What happened to a task, by whom and when: claims, releases, reassignments, outcomes, appeals.
create table task_event (
    id       bigserial primary key,
    task_id  uuid not null references task (id),
    at       timestamptz not null,
    actor    text not null,
    kind     text not null,
    detail   text
);
create index task_event_task on task_event (task_id, id);

-- Findings of scan-analysis-service, idempotent on the scan id. A finding that arrives before its task
-- waits with task_id null and is attached, by container number, when the task is created.
create table scan_finding (
    scan_id          text primary key,
    task_id          uuid references task (id),
    container_number text not null,
    payload          jsonb not null,
    received_at      timestamptz not null
);
create index scan_finding_waiting on scan_finding (container_number) where task_id is null;
create index scan_finding_task on scan_finding (task_id);

-- Outcomes are versions: a correction adds one with its reason, nothing is overwritten.
create table outcome_version (
    task_id           uuid not null references task (id),
    version           integer not null,
    payload           jsonb not null,
    violation_found   boolean not null,
    correction_reason text,
    recorded_by       text not null,
    recorded_at       timestamptz not null,
    primary key (task_id, version)
);

-- Answers kept for Idempotency-Key retries from tablets.
create table idempotency_record (
    scope       text not null,
    key         text not null,
    fingerprint text not null,
    status      integer not null,
    body        text not null,
    created_at  timestamptz not null,
    primary key (scope, key)
);

-- photo files are stored once per content; a row per task that uses them
create table photo (
    task_id      uuid not null references task (id),
    sha256       char(64) not null,
    content_type text not null,
    bytes        integer not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null,
    primary key (task_id, sha256)
);

create table appeal (
    id              uuid primary key,
    task_id         uuid not null references task (id),
    outcome_version integer not null,
    appellant       text not null,
    grounds         text not null,
    filed_by        text not null,
    filed_at        timestamptz not null,
    status          text not null check (status in ('OPEN', 'UPHELD', 'OVERTURNED', 'PARTIALLY_UPHELD')),
    reasoning       text,
    decided_by      text,
    decided_at      timestamptz
);
create index appeal_task on appeal (task_id);

-- Labels for selection-service, one per outcome version, delivered by FeedbackRelay.
create table feedback_outbox (
    task_id         uuid not null references task (id),
    outcome_version integer not null,
    payload         jsonb not null,
    state           text not null check (state in ('PENDING', 'DELIVERED')),
    attempts        integer not null,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    primary key (task_id, outcome_version)
);
create index feedback_pending on feedback_outbox (created_at) where state = 'PENDING';
