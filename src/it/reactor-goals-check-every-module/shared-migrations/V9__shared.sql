DROP TABLE legacy_audit;
