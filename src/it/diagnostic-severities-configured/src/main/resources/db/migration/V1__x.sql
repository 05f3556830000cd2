-- sqlguard:allow delete-without-where
DELETE FROM sessions WHERE expired;
-- sqlguard:allow delet-without-where reason: typo in the id
UPDATE orders SET total = 0 WHERE id = 1;
-- sqlguard:allow drop-table reason: nothing to drop here any more
SELECT 1;
