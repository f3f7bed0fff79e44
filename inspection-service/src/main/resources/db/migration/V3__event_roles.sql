-- Who did it: the role of the actor of each task event, and indexes for the supervisors' event search.
ALTER TABLE inspection.task_event ADD COLUMN actor_role text;
CREATE INDEX task_event_at ON inspection.task_event (at);
CREATE INDEX task_event_actor ON inspection.task_event (actor, at);
