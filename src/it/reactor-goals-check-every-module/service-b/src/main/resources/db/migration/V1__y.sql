CREATE TABLE u (id INT);
UPDATE orders SET total = 0;
