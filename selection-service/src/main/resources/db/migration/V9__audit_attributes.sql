-- The supervisors' reports read every decision of a period (a million and more over a month) and aggregate them in
-- the database. What they compare filings by is stored where it is known, so that a report reads columns and no more:

-- the groups a version's document states: taken from the JSON at report time they cost three parses of it per
-- decision, most of a report's time; stored generated columns derive them once, and cannot disagree with the document;
ALTER TABLE isf_filing_version
    ADD COLUMN country_of_origin text GENERATED ALWAYS AS (document::jsonb -> 'commodityLines' -> 0 ->> 'countryOfOrigin') STORED,
    ADD COLUMN carrier_code text GENERATED ALWAYS AS (document::jsonb ->> 'carrierCode') STORED,
    ADD COLUMN hts_chapter text
        GENERATED ALWAYS AS (left(regexp_replace(document::jsonb -> 'commodityLines' -> 0 ->> 'htsNumber', '[^0-9]', '', 'g'), 2)) STORED;

-- and the party's earlier filings, which the decision counted for its rules (0: a first-time importer), instead of
-- an index probe per decision at report time. Nullable: replicas of the previous version, still deciding while a
-- rolling upgrade runs this, do not write it, and the reports count such a decision's earlier filings themselves.
ALTER TABLE selection_decision ADD COLUMN party_prior_filings bigint;
UPDATE selection_decision d SET party_prior_filings = (
    SELECT count(*) FROM isf_filing f JOIN isf_filing earlier ON earlier.party_key = f.party_key AND earlier.first_filed_at < f.first_filed_at
     WHERE f.id = d.filing_id);

-- A report joins every decision of its period to its version's groups: this index holds them, so the join reads it
-- and not the versions' documents (1.6 kB a filing).
CREATE INDEX isf_filing_version_audit ON isf_filing_version (filing_id, version)
    INCLUDE (received_at, filed_late, country_of_origin, carrier_code, hts_chapter);

-- A report counts a decision unless another superseded it in the period: these are few (amendments), and this index
-- finds them without reading every decision twice.
CREATE INDEX selection_decision_superseded ON selection_decision (supersedes) WHERE supersedes IS NOT NULL;
