-- sqlguard:allow delete-without-where
DELETE FROM price_cache;
