-- The cache is rebuilt by the application at start-up: emptying it is deliberate.
-- sqlguard:allow delete-without-where reason: price_cache is rebuilt on start-up
DELETE FROM price_cache;

UPDATE customers SET name = TRIM(name) WHERE name <> TRIM(name);
