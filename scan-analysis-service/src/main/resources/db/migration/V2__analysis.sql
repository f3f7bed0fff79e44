-- The analysis queue is the scan table itself: workers claim QUEUED rows (skip locked), mark them
-- ANALYSING with a lease, and a lease that runs out (a crashed worker) puts the scan back in the queue.
alter table scan add column analysis_attempts smallint not null default 0;
alter table scan add column analysis_started_at timestamptz;
alter table scan add column analysis_error text;

create index scan_analysing on scan (analysis_started_at) where status = 'ANALYSING';

-- What the models found in one scan. Regions are in the scan's own pixels; the renditions are PNG
-- objects in the payload store (content addressed), drawn at rendition_width x rendition_height.
create table scan_analysis (
    scan_id             text primary key references scan (scan_id),
    model_version       text not null,
    threat_score        double precision not null check (threat_score between 0 and 1),
    empty_score         double precision not null check (empty_score between 0 and 1),
    regions             jsonb not null,
    preprocess_millis   double precision not null,
    threat_millis       double precision not null,
    empty_millis        double precision not null,
    rendition_millis    double precision not null,
    megapixels          double precision not null,
    waited_millis       double precision not null,
    rendition_width     integer not null,
    rendition_height    integer not null,
    rendition_sha256    char(64) not null,
    overlay_sha256      char(64) not null,
    analysed_at         timestamptz not null
);

-- Findings waiting to reach inspection-service (transactional outbox: written with the analysis).
create table finding_delivery (
    scan_id          text primary key references scan (scan_id),
    payload          jsonb not null,
    inspection_id    text,
    state            text not null check (state in ('PENDING', 'DELIVERED', 'REJECTED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    delivered_at     timestamptz
);

create index finding_delivery_pending on finding_delivery (next_attempt_at) where state = 'PENDING';
