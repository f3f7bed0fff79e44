-- The hand-off outbox also carries cancellations: a withdrawn filing, or an amended one released without
-- inspection, cancels the shipment's task in inspection-service (issue 17). decision_id becomes the message's
-- id: the decision for a task or a release, a fresh id for a withdrawal (which has no decision of its own, so
-- the column no longer references one).
ALTER TABLE inspection_handoff DROP CONSTRAINT inspection_handoff_decision_id_fkey;
ALTER TABLE inspection_handoff ADD COLUMN kind text NOT NULL DEFAULT 'TASK' CHECK (kind IN ('TASK', 'CANCELLATION'));
-- delivery order is the order written, whatever the clocks of the replicas that wrote them
ALTER TABLE inspection_handoff ADD COLUMN seq bigserial;
CREATE INDEX inspection_handoff_pending_seq ON inspection_handoff (state, seq);
