-- Close the ACME account: first its orders, then its customer rows.
-- This is the script from the incident: the WHERE clauses were lost in a merge.
DELETE FROM orders;
DELETE FROM customers;
