CREATE TABLE ${schema}.invoices (id BIGINT PRIMARY KEY, owner VARCHAR(40) DEFAULT '${flyway:user}');
GRANT SELECT ON ${schema}.invoices TO ${flyway:user};
