CREATE TABLE order_lines (id int PRIMARY KEY, order_id int NOT NULL);
