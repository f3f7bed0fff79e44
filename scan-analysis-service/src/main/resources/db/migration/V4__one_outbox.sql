-- The findings outbox takes the shape every outbox shares (see org.opencustoms.common.outbox.OutboxTable):
-- seq in the order written, created_at for the backlog's age, and DEAD (formerly REJECTED) for findings
-- inspection-service refuses for good, DISCARDED once a supervisor gives up on one.
alter table finding_delivery add column seq bigserial not null unique;
alter table finding_delivery add column created_at timestamptz not null default now();
alter table finding_delivery drop constraint finding_delivery_state_check;
update finding_delivery set state = 'DEAD' where state = 'REJECTED';
alter table finding_delivery add constraint finding_delivery_state_check check (state in ('PENDING', 'DELIVERED', 'DEAD', 'DISCARDED'));
drop index finding_delivery_pending;
create index finding_delivery_due on finding_delivery (next_attempt_at, seq) where state = 'PENDING';
create index finding_delivery_dead on finding_delivery (seq) where state = 'DEAD';
