-- Meant: the orders of customers that closed their account. The subquery forgot to say which.
DELETE FROM orders
WHERE customer_id IN (SELECT id FROM customers);
