CREATE TABLE customers (
    id      BIGINT PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    account VARCHAR(40)  NOT NULL
);

CREATE TABLE orders (
    id          BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE
);

CREATE TABLE price_cache (sku VARCHAR(40) PRIMARY KEY, price NUMERIC(12, 2));
