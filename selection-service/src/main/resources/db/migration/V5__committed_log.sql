-- The decision log publishes commitments, not decisions. A leaf (decision_log_entry.entry) is now an envelope with
-- the entry's index, time, period and SHA-256(salt || disclosed decision); the decision itself, its salt and the
-- intelligence behind it (watch-list matches, model weights) stay here until the disclosure rules let them out.
-- Entries written before this change (format 1) hold the whole decision in their leaf: only their leaf hash is
-- public from now on, and their content goes to auditors and supervisors only.
ALTER TABLE decision_log_entry
    ADD COLUMN format            smallint    NOT NULL DEFAULT 1,
    ADD COLUMN period            varchar(10),
    ADD COLUMN decision          bytea,        -- the whole decision, canonical JSON (supervisors and auditors)
    ADD COLUMN disclosed         bytea,        -- what the importer and later the public may read, canonical JSON
    ADD COLUMN salt              bytea,        -- of the commitment to disclosed
    ADD COLUMN intelligence_salt bytea;        -- of the commitment to the decision's detailed reasons, inside disclosed
UPDATE decision_log_entry SET decision = entry, period = convert_from(entry, 'UTF8')::json ->> 'randomPeriod';
ALTER TABLE decision_log_entry ALTER COLUMN decision SET NOT NULL, ALTER COLUMN period SET NOT NULL;
CREATE INDEX decision_log_entry_period ON decision_log_entry (period, log_index);

-- Hashes of the complete subtrees: node (level, i) covers leaves [i * 2^level, (i + 1) * 2^level). Appends add at
-- most log2(n) nodes and proofs read O(log n) of them, so no request loads every leaf.
CREATE TABLE decision_log_node (
    level       smallint NOT NULL,
    node_index  bigint   NOT NULL,
    hash        bytea    NOT NULL,
    PRIMARY KEY (level, node_index)
);
INSERT INTO decision_log_node (level, node_index, hash) SELECT 0, log_index, leaf_hash FROM decision_log_entry;
DO $$
DECLARE
    lvl   smallint := 0;
    added bigint;
BEGIN
    LOOP
        INSERT INTO decision_log_node (level, node_index, hash)
        SELECT lvl + 1, l.node_index / 2, sha256('\x01'::bytea || l.hash || r.hash)
          FROM decision_log_node l
          JOIN decision_log_node r ON r.level = lvl AND r.node_index = l.node_index + 1
         WHERE l.level = lvl AND l.node_index % 2 = 0;
        GET DIAGNOSTICS added = ROW_COUNT;
        EXIT WHEN added = 0;
        lvl := lvl + 1;
    END LOOP;
END $$;

-- Signing keys have a history: each head names the key that signed it, and a rotated key keeps verifying the heads
-- it signed. A key configured from a Secret is recorded by its public half only.
ALTER TABLE log_signing_key
    ADD COLUMN key_id     varchar(16),
    ADD COLUMN retired_at timestamptz,
    ALTER COLUMN private_key DROP NOT NULL;
UPDATE log_signing_key SET key_id = substr(encode(sha256(public_key), 'hex'), 1, 16);
ALTER TABLE log_signing_key ALTER COLUMN key_id SET NOT NULL, ADD CONSTRAINT log_signing_key_key_id UNIQUE (key_id);

ALTER TABLE signed_tree_head ADD COLUMN key_id varchar(16);
UPDATE signed_tree_head SET key_id = (SELECT key_id FROM log_signing_key ORDER BY id LIMIT 1);

-- Who was told which decision, and when a period became public: every disclosure is a rule applied and recorded.
CREATE TABLE disclosure_record (
    id            uuid PRIMARY KEY,
    disclosed_at  timestamptz  NOT NULL,
    kind          varchar(16)  NOT NULL,  -- DECISION, SEED, DRAWS, PERIOD
    reference     varchar(40)  NOT NULL,  -- a log index or a period
    audience      varchar(24)  NOT NULL,  -- the role read as, or PUBLIC
    subject       varchar(128),
    party         varchar(32)
);
CREATE INDEX disclosure_record_time ON disclosure_record (disclosed_at DESC);

-- log_size: the log's size when the period was disclosed. The public reads the period's entries below it; an
-- amendment logged later keeps the day of the filing's first version but stays embargoed.
CREATE TABLE period_disclosure (
    period        varchar(10) PRIMARY KEY,
    disclosed_at  timestamptz NOT NULL,
    log_size      bigint      NOT NULL
);
