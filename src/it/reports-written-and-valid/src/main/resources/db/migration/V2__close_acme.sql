DELETE FROM customers;
ALTER TABLE customers DROP COLUMN legacy_code;
