-- The same statement as in V1, in a new file: not covered by the baseline.
DELETE FROM audit_log;
