-- A stored scan: one row per completed upload. Rows appear only once the payload is durable in the
-- content-addressed store, so a rejected or abandoned upload never shows up here.
create table scan (
    scan_id            text primary key,
    scanner_id         text not null,
    site               text not null,
    modality           text not null check (modality in ('XRAY', 'GAMMA')),
    source_energy_mev  double precision,
    isotope            text,
    energy_channels    smallint not null check (energy_channels in (1, 2)),
    width              integer not null check (width > 0),
    height             integer not null check (height > 0),
    bits_per_pixel     smallint not null,
    pixel_pitch_mm     double precision not null,
    air_value          integer not null,
    container_numbers  text[] not null,
    conveyance         text,
    inspection_id      text,
    acquired_at        timestamptz not null,
    total_bytes        bigint not null,
    payload_sha256     char(64) not null,
    status             text not null check (status in ('QUEUED', 'ANALYSING', 'ANALYSED', 'FAILED')),
    received_at        timestamptz not null
);

-- analysis workers take the oldest queued scans first
create index scan_queued on scan (received_at) where status = 'QUEUED';
create index scan_container on scan using gin (container_numbers);
