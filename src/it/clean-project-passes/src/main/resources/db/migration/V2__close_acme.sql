-- Close the ACME account: remove its orders, then its customer rows.
DELETE FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE account = 'acme');
DELETE FROM customers WHERE account = 'acme';
UPDATE customers SET name = 'closed' WHERE account = 'acme';
-- A comment that merely mentions DELETE FROM customers; does not count.
INSERT INTO customers (id, name, account) VALUES (1, 'DELETE FROM customers;', 'x');
