CREATE TABLE staging (id BIGINT, payload TEXT);
