-- The hand-off outbox takes the shape every outbox shares (see org.opencustoms.common.outbox.OutboxTable):
-- a due time for backoff, DEAD for messages inspection-service refuses for good (DISCARDED once a supervisor
-- gives up on one), and the filing as ordering key, so that a shipment's messages arrive in the order written.
ALTER TABLE inspection_handoff ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE inspection_handoff ADD COLUMN ordering_key text;
UPDATE inspection_handoff SET ordering_key = coalesce(payload::jsonb ->> 'filingId', decision_id::text);
ALTER TABLE inspection_handoff ALTER COLUMN ordering_key SET NOT NULL;
ALTER TABLE inspection_handoff ALTER COLUMN seq SET NOT NULL;
ALTER TABLE inspection_handoff ADD CONSTRAINT inspection_handoff_seq_unique UNIQUE (seq);
ALTER TABLE inspection_handoff ADD CONSTRAINT inspection_handoff_state_known
    CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD', 'DISCARDED'));
DROP INDEX inspection_handoff_pending;
DROP INDEX inspection_handoff_pending_seq;
CREATE INDEX inspection_handoff_due ON inspection_handoff (next_attempt_at, seq) WHERE state = 'PENDING';
CREATE INDEX inspection_handoff_pending_order ON inspection_handoff (ordering_key, seq) WHERE state = 'PENDING';
CREATE INDEX inspection_handoff_dead ON inspection_handoff (seq) WHERE state = 'DEAD';
