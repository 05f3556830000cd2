package io.github.sqlguard.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * drop-column, drop-partition, rename-table, rename-column and alter-column-type over the ALTER TABLE forms
 * of each dialect, plus T-SQL sp_rename and MySQL RENAME TABLE.
 */
class AlterTableRulesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "postgresql | ALTER TABLE customers DROP COLUMN email                | drop-column | ALTER TABLE customers drops column email",
        "postgresql | ALTER TABLE IF EXISTS ONLY customers DROP COLUMN IF EXISTS email CASCADE | drop-column cascade | ALTER TABLE customers drops column email / ALTER TABLE customers DROP COLUMN email CASCADE also drops every object that depends on it",
        "postgresql | ALTER TABLE orders DROP CONSTRAINT orders_pk CASCADE  | cascade | ALTER TABLE orders DROP CONSTRAINT orders_pk CASCADE also drops every object that depends on it",
        "oracle     | ALTER TABLE orders DROP PRIMARY KEY CASCADE            | cascade | ALTER TABLE orders DROP PRIMARY KEY CASCADE also drops every object that depends on it",
        "oracle     | ALTER TABLE orders DROP UNIQUE (email, phone) CASCADE  | cascade | ALTER TABLE orders DROP UNIQUE (email, phone) CASCADE also drops every object that depends on it",
        "mysql      | ALTER TABLE customers DROP email, DROP COLUMN phone    | drop-column drop-column | ALTER TABLE customers drops column email / ALTER TABLE customers drops column phone",
        "mysql      | ALTER TABLE customers DROP COLUMN email, ALGORITHM=INPLACE, LOCK=NONE | drop-column | ALTER TABLE customers drops column email",
        "oracle     | ALTER TABLE customers DROP (email, phone)              | drop-column | ALTER TABLE customers drops columns email, phone",
        "oracle     | ALTER TABLE customers DROP COLUMN email CASCADE CONSTRAINTS | drop-column cascade |",
        "oracle     | ALTER TABLE customers SET UNUSED (email, phone)        | drop-column | ALTER TABLE customers drops columns email, phone",
        "oracle     | ALTER TABLE customers DROP UNUSED COLUMNS              | - |",
        "sqlserver  | ALTER TABLE dbo.customers DROP COLUMN email, phone     | drop-column | ALTER TABLE dbo.customers drops columns email, phone",
        "sqlserver  | ALTER TABLE [dbo].[customers] DROP COLUMN IF EXISTS [email] | drop-column | ALTER TABLE [dbo].[customers] drops column [email]",
        "sqlserver  | ALTER TABLE customers DROP CONSTRAINT ck_email, COLUMN email | drop-column | ALTER TABLE customers drops column email",
        "sqlserver  | ALTER TABLE customers DROP df_email                    | - |",
        "sqlserver  | ALTER TABLE customers DROP CONSTRAINT pk, uq WITH (ONLINE = ON) | - |",
        "auto       | ALTER TABLE customers DROP email                       | drop-column |",
        "sqlite     | ALTER TABLE customers DROP COLUMN \"email\"            | drop-column |",
        "h2         | ALTER TABLE customers DROP COLUMN IF EXISTS email      | drop-column |",
        "h2         | ALTER TABLE customers DROP COLUMN IF EXISTS (email, phone) | drop-column | ALTER TABLE customers drops columns email, phone",
        "mysql      | ALTER TABLE t DROP INDEX i, DROP PRIMARY KEY, DROP FOREIGN KEY fk, DROP CHECK c | - |",
        "postgresql | ALTER TABLE t DROP CONSTRAINT c, ALTER COLUMN a DROP NOT NULL, ALTER COLUMN b DROP DEFAULT | - |",
        "mysql      | ALTER TABLE t ALTER COLUMN a DROP DEFAULT              | - |",
        "postgresql | ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE | - |",
        "postgresql | CREATE TABLE t (a int, b int); ALTER TABLE t DROP COLUMN b | - |",
        "mysql      | ALTER TABLE sales DROP PARTITION p0, p1                | drop-partition | ALTER TABLE sales drops partitions p0, p1 and every row in them",
        "oracle     | ALTER TABLE sales DROP PARTITION p0 UPDATE GLOBAL INDEXES | drop-partition | ALTER TABLE sales drops partition p0 and every row in it",
        "oracle     | ALTER TABLE sales DROP PARTITION FOR (DATE '2019-01-01') | drop-partition | ALTER TABLE sales drops partition FOR (DATE'2019-01-01') and every row in it",
        "oracle     | ALTER TABLE sales DROP SUBPARTITION sp1                | drop-partition | ALTER TABLE sales drops subpartition sp1 and every row in it",
        "oracle     | ALTER TABLE sales TRUNCATE SUBPARTITION sp1, sp2       | truncate-table | ALTER TABLE sales TRUNCATE SUBPARTITION removes every row of subpartitions sp1, sp2",
        "postgresql | ALTER TABLE sales DETACH PARTITION sales_2019           | - |",
        "postgresql | ALTER TABLE orders RENAME TO purchase_orders           | rename-table | Renames table orders to purchase_orders",
        "mysql      | ALTER TABLE orders RENAME AS purchase_orders           | rename-table |",
        "mysql      | ALTER TABLE orders RENAME purchase_orders              | rename-table |",
        "mysql      | RENAME TABLE a TO b, c TO d                            | rename-table | Renames tables a to b, c to d",
        "oracle     | RENAME orders TO purchase_orders                       | rename-table |",
        "sqlserver  | EXEC sp_rename 'dbo.orders', 'purchase_orders'         | rename-table | Renames table dbo.orders to purchase_orders",
        "sqlserver  | sp_rename @objname = N'dbo.orders', @newname = N'po'   | rename-table | Renames table dbo.orders to po",
        "sqlserver  | EXECUTE sys.sp_rename N'dbo.orders.total', N'amount', N'COLUMN' | rename-column | sp_rename renames column dbo.orders.total to amount",
        "sqlserver  | EXEC sp_rename 'dbo.orders.ix_a', 'ix_b', 'INDEX'     | - |",
        "sqlserver  | EXEC sp_rename @old, @new, @type                       | rename-table | Renames table @old to @new",
        "sqlserver  | EXEC sp_helptext 'orders'                              | - |",
        "sqlserver  | EXEC [sys].[sp_rename] N'dbo.orders.total', N'amount', N'COLUMN' | rename-column | sp_rename renames column dbo.orders.total to amount",
        "sqlserver  | EXEC [sp_rename] 'dbo.orders', 'purchase_orders'       | rename-table | Renames table dbo.orders to purchase_orders",
        "postgresql | ALTER INDEX ix_a RENAME TO ix_b                        | - |",
        "postgresql | ALTER TABLE orders RENAME CONSTRAINT a TO b            | - |",
        "mysql      | ALTER TABLE orders RENAME INDEX a TO b                 | - |",
        "postgresql | ALTER TABLE orders RENAME COLUMN total TO amount       | rename-column | ALTER TABLE orders renames column total to amount",
        "postgresql | ALTER TABLE orders RENAME total TO amount              | rename-column |",
        "h2         | ALTER TABLE orders ALTER COLUMN total RENAME TO amount | rename-column |",
        "mysql      | ALTER TABLE orders CHANGE total amount DECIMAL(10,2)   | rename-column alter-column-type | ALTER TABLE orders renames column total to amount / ALTER TABLE orders changes the type of column total",
        "mysql      | ALTER TABLE orders CHANGE COLUMN total total DECIMAL(10,2) | alter-column-type |",
        "postgresql | ALTER TABLE orders ALTER COLUMN note TYPE varchar(20) USING note::varchar(20) | alter-column-type | ALTER TABLE orders changes the type of column note",
        "postgresql | ALTER TABLE orders ALTER COLUMN settings TYPE jsonb USING NULL | drop-column alter-column-type | ALTER TABLE orders replaces every value of column settings with USING NULL, which does not read the column: its old values are lost as if it were dropped / ALTER TABLE orders changes the type of column settings",
        "postgresql | ALTER TABLE orders ALTER total TYPE numeric(14, 2) USING 0, ALTER note SET DATA TYPE text USING lower(NOTE) | drop-column alter-column-type alter-column-type | ALTER TABLE orders replaces every value of column total with USING 0, which does not read the column: its old values are lost as if it were dropped / ALTER TABLE orders changes the type of column total / ALTER TABLE orders changes the type of column note",
        "postgresql | ALTER TABLE orders ALTER COLUMN status TYPE mood USING (CASE WHEN paid THEN 'happy' ELSE 'sad' END)::mood | drop-column alter-column-type |",
        "postgresql | ALTER TABLE \"Order\" ALTER COLUMN \"Amount\" TYPE int USING \"Amount\"::int | alter-column-type |",
        "postgresql | ALTER TABLE orders ALTER COLUMN total TYPE bigint USING round(orders.total)::bigint | alter-column-type |",
        "postgresql | ALTER TABLE orders ALTER note SET DATA TYPE text, ALTER total TYPE numeric | alter-column-type alter-column-type | ALTER TABLE orders changes the type of column note / ALTER TABLE orders changes the type of column total",
        "postgresql | ALTER TABLE orders ALTER COLUMN note SET NOT NULL, ALTER COLUMN note SET STATISTICS 100 | - |",
        "postgresql | ALTER TABLE orders ALTER CONSTRAINT fk DEFERRABLE      | - |",
        "postgresql | ALTER TABLE orders ALTER COLUMN note SET (n_distinct = 100) | - |",
        "mysql      | ALTER TABLE files MODIFY flags SET('r', 'w') NOT NULL   | alter-column-type | ALTER TABLE files changes the type of column flags",
        "mysql      | ALTER TABLE orders MODIFY COLUMN note VARCHAR(20) NOT NULL | alter-column-type |",
        "oracle     | ALTER TABLE orders MODIFY (note VARCHAR2(20), total NOT NULL, code DEFAULT 'x') | alter-column-type | ALTER TABLE orders changes the type of column note",
        "oracle     | ALTER TABLE orders MODIFY (total NOT NULL)             | - |",
        "oracle     | ALTER TABLE orders MODIFY CONSTRAINT pk DISABLE        | - |",
        "oracle     | ALTER TABLE orders MODIFY PARTITION p1 COMPRESS        | - |",
        "sqlserver  | ALTER TABLE orders ALTER COLUMN note NVARCHAR(20) NULL | alter-column-type |",
        "sqlserver  | ALTER TABLE orders ALTER COLUMN id ADD ROWGUIDCOL      | - |",
        "h2         | ALTER TABLE orders ALTER COLUMN note VARCHAR(20)       | alter-column-type |",
        "postgresql | ALTER TABLE orders ADD COLUMN note text, ADD CONSTRAINT u UNIQUE (note) | - |",
        "mariadb    | ALTER TABLE t CHANGE COLUMN IF EXISTS c d INT            | rename-column alter-column-type | ALTER TABLE t renames column c to d / ALTER TABLE t changes the type of column c",
        "mariadb    | ALTER TABLE t MODIFY IF EXISTS c BIGINT                  | alter-column-type | ALTER TABLE t changes the type of column c",
        "mariadb    | ALTER TABLE t ALTER KEY IF EXISTS idx NOT IGNORED        | - |",
        "mariadb    | ALTER TABLE t DROP PARTITION IF EXISTS p1, p2            | drop-partition | ALTER TABLE t drops partitions p1, p2 and every row in them",
        // MariaDB: WAIT n or NOWAIT between the table and its clauses bounds the wait for the metadata lock.
        "mariadb    | ALTER TABLE customers WAIT 10 DROP COLUMN born           | drop-column | ALTER TABLE customers drops column born",
        "mariadb    | ALTER TABLE IF EXISTS customers NOWAIT DROP COLUMN age, MODIFY name VARCHAR(20) | drop-column alter-column-type | ALTER TABLE customers drops column age / ALTER TABLE customers changes the type of column name",
        "mariadb    | ALTER TABLE customers NOWAIT ADD COLUMN wait INT         | - |",
    })
    void reportsAlterTableChanges(String dialect, String sql, String rules, String messages) {
        DropRulesTest.assertFindings(dialect, sql, rules, messages);
    }
}
