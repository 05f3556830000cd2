DELETE FROM orders WHERE id = 42;
