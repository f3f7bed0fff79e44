-- Who owns a filing and who changed it: the filer's party (from its token) scopes every read and write of an
-- importer; the subject of each change is kept for the record. Rows from before identities have no owner and
-- are visible to supervisors and auditors only.
ALTER TABLE isf_filing
    ADD COLUMN filer_party  varchar(32),
    ADD COLUMN filed_by     varchar(128),
    ADD COLUMN withdrawn_by varchar(128),
    ADD COLUMN carrier_code varchar(4);
UPDATE isf_filing f SET carrier_code = (v.document::json ->> 'carrierCode')
  FROM isf_filing_version v WHERE v.filing_id = f.id AND v.version = f.current_version;
CREATE INDEX isf_filing_filer ON isf_filing (filer_party, first_filed_at DESC);

ALTER TABLE isf_filing_version ADD COLUMN filed_by varchar(128);

-- carrier data is matched only to filings of the carrier that sent it
ALTER TABLE stow_plan ADD COLUMN received_from varchar(128);
ALTER TABLE container_status_message
    ADD COLUMN carrier_code  varchar(4),
    ADD COLUMN received_from varchar(128);
