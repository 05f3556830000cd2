-- Purge the test invoices.
DELETE FROM ${schema}.invoices
WHERE owner = 'test';
UPDATE ${schema}.invoices SET owner = '${flyway:user}';
