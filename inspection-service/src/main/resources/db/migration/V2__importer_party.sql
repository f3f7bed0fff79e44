-- The importer (filer party) of the selected filing, so that an importer sees and appeals only its own
-- inspections. Tasks from before identities have none: only inspectors and supervisors see them.
ALTER TABLE inspection.task ADD COLUMN importer_party varchar(32);
CREATE INDEX task_importer_party ON inspection.task (importer_party) WHERE importer_party IS NOT NULL;
