-- sqlguard:allow delete-without-where reason: price_cache is rebuilt on start-up
DELETE FROM price_cache;
TRUNCATE TABLE session_tokens; -- sqlguard:allow truncate-table reason: sessions are short-lived
