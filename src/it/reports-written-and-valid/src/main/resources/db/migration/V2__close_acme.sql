ALTER TABLE customers DROP COLUMN legacy_code;
DELETE FROM customers;
