DROP TABLE old_orders;
TRUNCATE TABLE old_cache;
DELETE FROM old_sessions;
