--liquibase formatted sql

--changeset alice:1
CREATE TABLE audit_log (id INT PRIMARY KEY, entry VARCHAR(200));
--rollback DROP TABLE audit_log;

--changeset alice:2
ALTER TABLE audit_log ADD COLUMN created_at TIMESTAMP;
--rollback ALTER TABLE audit_log DROP COLUMN created_at;
