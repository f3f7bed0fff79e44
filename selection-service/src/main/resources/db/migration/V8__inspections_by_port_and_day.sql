-- The port's capacity left today is counted under the log's lock for every decision: this index holds only the
-- inspection lanes, so that count reads the day's inspections of one port and not every decision of the day.
CREATE INDEX selection_decision_inspections_port_day ON selection_decision (port, decided_at)
    WHERE lane IN ('NII_SCAN', 'PHYSICAL_EXAM');
