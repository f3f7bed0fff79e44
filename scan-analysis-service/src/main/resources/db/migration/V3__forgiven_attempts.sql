-- Analyses cut short by a shutdown are forgiven rather than uncounted: analysis_attempts is also the claim's
-- token (a worker may only record what it claimed as attempt N), so it must keep rising when another replica
-- claims the scan again; the attempts that count against a scan are analysis_attempts - analysis_forgiven.
ALTER TABLE scan_analysis.scan ADD COLUMN analysis_forgiven smallint NOT NULL DEFAULT 0;
