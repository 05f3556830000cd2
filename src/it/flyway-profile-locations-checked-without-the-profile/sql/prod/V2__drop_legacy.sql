-- production only: the legacy import table is gone
DROP TABLE customer;
