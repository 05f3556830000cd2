ALTER TABLE customers ADD COLUMN email text NOT NULL;
CREATE UNIQUE INDEX customers_email ON customers (email);
