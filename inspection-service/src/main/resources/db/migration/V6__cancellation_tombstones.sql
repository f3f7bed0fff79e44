-- A cancellation that arrives before its shipment's task (the task's hand-off was refused and replayed
-- later, or is still on its way) is kept, so that the task, when it comes, starts cancelled instead of
-- sending an inspector to a shipment that was withdrawn.
create table filing_cancellation (
    filing_id      uuid primary key,
    filing_version integer not null,
    reason         text not null,
    decision_id    uuid,
    received_at    timestamptz not null
);
