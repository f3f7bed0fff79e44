-- The feedback outbox takes the shape every outbox shares (see org.opencustoms.common.outbox.OutboxTable):
-- seq in the order written, a due time for backoff, DEAD for labels selection-service refuses for good
-- (DISCARDED once a supervisor gives up on one), and the task as ordering key, so that a correction never
-- overtakes the outcome it corrects.
alter table feedback_outbox add column seq bigserial not null unique;
alter table feedback_outbox add column next_attempt_at timestamptz not null default now();
alter table feedback_outbox add column ordering_key text;
update feedback_outbox set ordering_key = task_id::text;
alter table feedback_outbox alter column ordering_key set not null;
alter table feedback_outbox drop constraint feedback_outbox_state_check;
alter table feedback_outbox add constraint feedback_outbox_state_check check (state in ('PENDING', 'DELIVERED', 'DEAD', 'DISCARDED'));
drop index feedback_pending;
create index feedback_due on feedback_outbox (next_attempt_at, seq) where state = 'PENDING';
create index feedback_pending_order on feedback_outbox (ordering_key, seq) where state = 'PENDING';
create index feedback_dead on feedback_outbox (seq) where state = 'DEAD';
-- labels used to be stored as JSON strings holding the label; they are the label itself now
update feedback_outbox set payload = (payload #>> '{}')::jsonb where jsonb_typeof(payload) = 'string';
