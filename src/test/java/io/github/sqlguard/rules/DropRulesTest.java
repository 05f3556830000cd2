package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.StatementContext;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * drop-table, drop-schema, drop-database, truncate-table and cascade over many dialect forms: which rules a
 * script yields, and the messages (joined by " / ").
 */
class DropRulesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "auto       | DROP TABLE orders                          | drop-table | DROP TABLE removes table orders and all its rows",
        "auto       | CREATE OR REPLACE TRANSIENT TABLE raw.stage AS SELECT * FROM raw.events | drop-table | CREATE OR REPLACE TABLE drops the existing table raw.stage and all its rows",
        "auto       | CREATE OR REPLACE HYBRID TABLE app.users (id INT PRIMARY KEY) | drop-table | CREATE OR REPLACE TABLE drops the existing table app.users and all its rows",
        "auto       | CREATE OR REPLACE TEMPORARY TABLE stage (id INT) | - |",
        "auto       | CREATE OR REPLACE VOLATILE TABLE stage (id INT) | - |",
        "auto       | RECREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY) | drop-table | RECREATE TABLE drops the existing table customers and all its rows",
        "auto       | RECREATE GLOBAL TEMPORARY TABLE work (id INTEGER) | - |",
        "auto       | CREATE OR REPLACE SCHEMA analytics_stage   | drop-schema | CREATE OR REPLACE SCHEMA removes schema analytics_stage and every object in it",
        "auto       | CREATE OR REPLACE TRANSIENT DATABASE reporting | drop-database | CREATE OR REPLACE DATABASE removes database reporting and all its data",
        "auto       | CREATE SCHEMA IF NOT EXISTS analytics_stage; CREATE OR REPLACE VIEW v AS SELECT 1; CREATE OR REPLACE TRANSIENT TABLE IF NOT EXISTS t (id INT) | - |",
        "postgresql | DROP TABLE IF EXISTS a, b                  | drop-table | DROP TABLE removes tables a, b and all their rows",
        "postgresql | DROP TABLE app.orders CASCADE              | drop-table cascade | DROP TABLE removes table app.orders and all its rows / DROP TABLE app.orders CASCADE also drops every object that depends on it",
        "postgresql | DROP TABLE :tbl                            | drop-table | DROP TABLE removes table :tbl and all its rows",
        "auto       | TRUNCATE :schema.orders, :'other'          | truncate-table | TRUNCATE removes every row of tables :schema.orders, :'other'",
        "oracle     | DROP TABLE orders PURGE                    | drop-table | DROP TABLE removes table orders and all its rows",
        "oracle     | DROP TABLE orders CASCADE CONSTRAINTS PURGE | drop-table cascade |",
        "sqlserver  | DROP TABLE [dbo].[orders]                  | drop-table | DROP TABLE removes table [dbo].[orders] and all its rows",
        "sqlserver  | DROP TABLE shop..orders                    | drop-table | DROP TABLE removes table shop..orders and all its rows",
        "sqlserver  | IF OBJECT_ID('dbo.orders', 'U') IS NOT NULL DROP TABLE dbo.orders | drop-table | DROP TABLE removes table dbo.orders and all its rows",
        "sqlserver  | IF EXISTS (SELECT 1 FROM sys.tables WHERE name = 'orders') BEGIN DROP TABLE orders END | drop-table |",
        "sqlserver  | DROP TABLE #staging, ##shared              | - |",
        "mysql      | DROP TEMPORARY TABLE IF EXISTS staging     | - |",
        "mysql      | DROP TABLE `shop`.`orders` CASCADE         | drop-table | DROP TABLE removes table `shop`.`orders` and all its rows",
        "postgresql | DROP FOREIGN TABLE remote_orders           | - |",
        "h2         | DROP TABLE ${schema}.orders                | drop-table | DROP TABLE removes table ${schema}.orders and all its rows",
        "sqlite     | DROP TABLE IF EXISTS \"Orders\"            | drop-table |",
        "sqlite     | PRAGMA writable_schema = 1; DELETE FROM sqlite_master WHERE type = 'table' AND name = 'legacy' | drop-table | DELETE FROM sqlite_master removes the schema entry of table legacy: SQLite no longer knows it, and every row is lost",
        "sqlite     | DELETE FROM main.sqlite_schema WHERE tbl_name IN ('a', 'b') | drop-table | DELETE FROM main.sqlite_schema removes the schema entry of tables a, b: SQLite no longer knows them, and every row is lost",
        "auto       | DELETE FROM sqlite_master WHERE sql LIKE '%legacy%' | drop-table | DELETE FROM sqlite_master removes the schema entries of the tables its WHERE selects: SQLite no longer knows them, and every row is lost",
        "sqlite     | DELETE FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_trg' | - |",
        "sqlite     | CREATE TABLE scratch (id INT); DELETE FROM sqlite_master WHERE name = 'scratch' | - |",
        // Deleting a row of pg_enum takes the label away while rows still store it: they can no longer be read.
        "postgresql | DELETE FROM pg_enum WHERE enumlabel = 'WARN' AND enumtypid = (SELECT oid FROM pg_type WHERE typname = 'status_enum') | drop-column | DELETE FROM pg_enum removes label 'WARN' of enum type status_enum behind PostgreSQL's back: every stored value holding it can no longer be read",
        "postgresql | DELETE FROM pg_catalog.pg_enum WHERE (enumlabel = 'a' OR enumlabel = 'b') AND enumtypid = '\"Kind\"'::regtype | drop-column | DELETE FROM pg_catalog.pg_enum removes labels 'a', 'b' of enum type Kind behind PostgreSQL's back: every stored value holding one can no longer be read",
        "postgresql | DELETE FROM pg_enum WHERE enumlabel IN ('x', 'y') AND enumtypid = 'app.kind'::regtype::oid | drop-column | DELETE FROM pg_enum removes labels 'x', 'y' of enum type app.kind behind PostgreSQL's back: every stored value holding one can no longer be read",
        "postgresql | DELETE FROM pg_enum WHERE enumlabel = 'old' | drop-column | DELETE FROM pg_enum removes label 'old' of every enum type that has it behind PostgreSQL's back: every stored value holding it can no longer be read",
        "postgresql | DELETE FROM pg_enum WHERE enumtypid = 12345 AND enumsortorder > 3 | drop-column | DELETE FROM pg_enum removes the enum labels its WHERE selects behind PostgreSQL's back: every stored value holding one can no longer be read",
        "postgresql | DELETE FROM pg_enum_backup WHERE enumlabel = 'old' | - |",
        "postgresql | SELECT enumlabel FROM pg_enum WHERE enumtypid = 'kind'::regtype | - |",
        "postgresql | DROP VIEW v; DROP INDEX i; DROP FUNCTION f(int); DROP TRIGGER t ON x; DROP SEQUENCE s | - |",
        "postgresql | DROP PROCEDURE p; DROP MATERIALIZED VIEW mv; DROP TYPE t; DROP ROLE r | - |",
        "postgresql | DROP VIEW v CASCADE                        | cascade | DROP VIEW v CASCADE also drops every object that depends on it",
        "postgresql | DROP DOMAIN IF EXISTS datetime CASCADE     | cascade | DROP DOMAIN datetime CASCADE also drops every column of this type in any table, with its values, and every other object that depends on it",
        // H2 gives the columns of a domain dropped with CASCADE its type, default and checks: nothing is lost.
        "h2         | DROP DOMAIN IF EXISTS email CASCADE        | - |",
        "auto       | DROP DOMAIN email CASCADE                  | cascade |",
        "postgresql | DROP TYPE mood, size CASCADE               | cascade | DROP TYPE mood, size CASCADE also drops every column of these types in any table, with its values, and every other object that depends on them",
        "postgresql | DROP TRIGGER audit_tgr ON orders CASCADE   | - |",
        "auto       | DROP TRIGGER IF EXISTS audit_tgr ON orders CASCADE | - |",
        "postgresql | DROP FUNCTION audit() CASCADE              | cascade | DROP FUNCTION audit CASCADE also drops every object that depends on it",
        "postgresql | SELECT 'DROP TABLE orders' -- DROP TABLE x | - |",
        "postgresql | DROP SCHEMA IF EXISTS app CASCADE          | drop-schema cascade | DROP SCHEMA removes schema app and every object in it / DROP SCHEMA app CASCADE also drops every object that depends on it",
        "postgresql | DROP SCHEMA a, b CASCADE                   | drop-schema cascade | DROP SCHEMA removes schemas a, b and every object in them / DROP SCHEMA a, b CASCADE also drops every object that depends on them",
        // Without CASCADE, PostgreSQL and SQL Server refuse to drop a schema that still holds an object.
        "postgresql | DROP SCHEMA a, b                           | - |",
        "postgresql | DROP SCHEMA IF EXISTS old_staging RESTRICT | - |",
        // H2 too: its DROP_RESTRICT setting makes RESTRICT the default.
        "h2         | DROP SCHEMA reporting                      | - |",
        "h2         | DROP SCHEMA IF EXISTS reporting CASCADE    | drop-schema cascade | DROP SCHEMA removes schema reporting and every object in it / DROP SCHEMA reporting CASCADE also drops every object that depends on it",
        "mariadb    | DROP SCHEMA reporting                      | drop-schema |",
        "sqlserver  | DROP SCHEMA staging                        | - |",
        "mysql      | DROP SCHEMA shop                           | drop-schema | DROP SCHEMA removes schema shop and every object in it",
        "auto       | DROP SCHEMA shop                           | drop-schema | DROP SCHEMA removes schema shop and every object in it where it means DROP DATABASE (MySQL, MariaDB); PostgreSQL, SQL Server and H2 refuse to drop a schema that holds anything, so set the dialect if the scripts run on one of those",
        "auto       | DROP SCHEMA legacy RESTRICT                | - |",
        "h2         | DROP SCHEMA IF EXISTS old_app RESTRICT     | - |",
        "auto       | DROP SCHEMA legacy CASCADE                 | drop-schema cascade | DROP SCHEMA removes schema legacy and every object in it / DROP SCHEMA legacy CASCADE also drops every object that depends on it",
        "postgresql | DROP OWNED BY legacy_app                   | drop-schema | DROP OWNED BY removes every object owned by legacy_app",
        "oracle     | DROP USER legacy CASCADE                   | drop-schema cascade | DROP USER .. CASCADE removes the schema of user legacy and every object in it / DROP USER legacy CASCADE also drops every object that depends on it",
        "oracle     | DROP USER legacy                           | - |",
        // Oracle's FORCE drops a type that tables and types depend on, marking the columns of the type unused.
        "oracle     | DROP TYPE address_t FORCE                  | cascade | DROP TYPE address_t FORCE also marks every column of this type unused, losing its values, and invalidates the types and code that depend on it",
        "auto       | DROP TYPE app.tags_t FORCE                 | cascade |",
        // ALTER TYPE .. DROP ATTRIBUTE .. CASCADE takes the attribute's values out of every table storing the type.
        "oracle     | ALTER TYPE address_t DROP ATTRIBUTE (note, zip) CASCADE | cascade | ALTER TYPE address_t DROP ATTRIBUTE note, zip CASCADE also drops the attributes' values from every table that stores type address_t",
        "postgresql | ALTER TYPE compfoo DROP ATTRIBUTE IF EXISTS f3 CASCADE, ADD ATTRIBUTE f4 int | cascade | ALTER TYPE compfoo DROP ATTRIBUTE f3 CASCADE also drops the attribute's values from every table that stores type compfoo",
        "oracle     | ALTER TYPE address_t DROP ATTRIBUTE note; ALTER TYPE address_t ADD ATTRIBUTE (zip VARCHAR2(10)) CASCADE | - |",
        "oracle     | ALTER TYPE address_t DROP ATTRIBUTE note CASCADE NOT INCLUDING TABLE DATA | - |",
        "postgresql | ALTER TYPE compfoo DROP ATTRIBUTE f1 RESTRICT, DROP ATTRIBUTE f2 CASCADE | cascade | ALTER TYPE compfoo DROP ATTRIBUTE f2 CASCADE also drops the attribute's values from every table that stores type compfoo",
        "oracle     | DROP TYPE address_t; DROP TYPE tags_t VALIDATE; DROP TYPE BODY address_t | - |",
        "oracle     | DROP TYPE force                            | - |",
        "mysql      | DROP DATABASE IF EXISTS shop               | drop-database | DROP DATABASE removes database shop and all its data",
        "sqlserver  | DROP DATABASE a, b                         | drop-database | DROP DATABASE removes databases a, b and all their data",
        "oracle     | DROP DATABASE                              | drop-database | DROP DATABASE removes the database and all its data",
        "oracle     | DROP PLUGGABLE DATABASE pdb1 INCLUDING DATAFILES | drop-database | DROP PLUGGABLE DATABASE removes database pdb1 and all its data",
        "auto       | TRUNCATE orders                            | truncate-table | TRUNCATE removes every row of table orders",
        "postgresql | TRUNCATE TABLE ONLY a, b * RESTART IDENTITY | truncate-table | TRUNCATE removes every row of tables a, b",
        "postgresql | TRUNCATE a CASCADE                         | truncate-table cascade | TRUNCATE removes every row of table a / TRUNCATE a CASCADE also empties every table that references it",
        "sqlserver  | TRUNCATE TABLE dbo.sales WITH (PARTITIONS (2, 4 TO 6)) | truncate-table | TRUNCATE TABLE dbo.sales WITH (PARTITIONS ..) removes every row of partitions 2, 4 to 6 of table dbo.sales",
        "sqlserver  | TRUNCATE TABLE dbo.sales WITH (PARTITIONS (2 TO 4))  | truncate-table | TRUNCATE TABLE dbo.sales WITH (PARTITIONS ..) removes every row of partitions 2 to 4 of table dbo.sales",
        "sqlserver  | TRUNCATE TABLE sales WITH (PARTITIONS (1))     | truncate-table | TRUNCATE TABLE sales WITH (PARTITIONS ..) removes every row of partition 1 of table sales",
        "sqlserver  | TRUNCATE TABLE #work                       | - |",
        "oracle     | TRUNCATE TABLE orders DROP STORAGE         | truncate-table |",
        "auto       | TRUNCATE TABLE IF EXISTS orders IMMEDIATE  | truncate-table | TRUNCATE removes every row of table orders",
        "oracle     | TRUNCATE CLUSTER personnel REUSE STORAGE   | truncate-table | TRUNCATE removes every row of cluster personnel",
        "mysql      | ALTER TABLE sales TRUNCATE PARTITION p0, p1 | truncate-table | ALTER TABLE sales TRUNCATE PARTITION removes every row of partitions p0, p1",
        "oracle     | ALTER TABLE sales TRUNCATE SUBPARTITION sp1 UPDATE INDEXES | truncate-table |",
        "postgresql | GRANT TRUNCATE ON orders TO app             | - |",
        "postgresql | CREATE TABLE t (id int); DROP TABLE t       | - |",
        "postgresql | CREATE TABLE IF NOT EXISTS t (id int); DROP TABLE t | drop-table |",
        "postgresql | CREATE TEMP TABLE IF NOT EXISTS t (id int); TRUNCATE t; DROP TABLE t | - |",
        "postgresql | CREATE TABLE t (id int); DROP TABLE t, orders | drop-table | DROP TABLE removes table orders and all its rows",
        "postgresql | CREATE TABLE t (id int); DROP TABLE app.t   | drop-table |",
        "postgresql | CREATE TABLE t (id int); DROP TABLE public.t   | - |",
        "postgresql | CREATE TABLE app.t (id int); DROP TABLE t   | drop-table |",
        "postgresql | DROP TABLE t; CREATE TABLE t (id int)       | drop-table |",
        "oracle     | CREATE GLOBAL TEMPORARY TABLE gtt (id int); DROP TABLE gtt | - |",
        "sqlserver  | CREATE TABLE [dbo].[Scratch] (id int); DROP TABLE dbo.scratch | - |",
        "oracle     | DROP CLUSTER personnel INCLUDING TABLES CASCADE CONSTRAINTS | drop-table cascade | DROP CLUSTER personnel INCLUDING TABLES removes every table in the cluster and all their rows / DROP CLUSTER personnel CASCADE CONSTRAINTS also drops the foreign keys that reference it",
        "oracle     | DROP TABLE alerts CASCADE CONSTRAINT PURGE | drop-table cascade | DROP TABLE removes table alerts and all its rows / DROP TABLE alerts CASCADE CONSTRAINTS also drops the foreign keys that reference it",
        "oracle     | DROP CLUSTER personnel                     | - |",
        "sqlserver  | DROP DATABASE SCOPED CREDENTIAL AppCred    | - |",
        "sqlserver  | ~SET NOCOUNT ON\nDROP TABLE orders~        | drop-table | DROP TABLE removes table orders and all its rows",
        "sqlserver  | ~DROP TABLE a\nDROP TABLE b\nTRUNCATE TABLE c~ | drop-table drop-table truncate-table | DROP TABLE removes table a and all its rows / DROP TABLE removes table b and all its rows / TRUNCATE removes every row of table c",
        "sqlserver  | ~CREATE TABLE s (a INT)\nINSERT INTO s VALUES (1)\nDROP TABLE s~ | - |",
        "auto       | ~PRINT 'cleanup'\nEXEC sp_rename 'a', 'b'~  | rename-table | Renames table a to b",
        "oracle     | DROP PUBLIC DATABASE LINK remote           | - |",
        "postgresql | DROP DATABASE link                         | drop-database | DROP DATABASE removes database link and all its data",
        "h2         | DROP ALL OBJECTS                           | drop-database | DROP ALL OBJECTS removes every schema, table, view and sequence of the database and all their rows",
        "h2         | DROP ALL OBJECTS DELETE FILES              | drop-database | DROP ALL OBJECTS removes every schema, table, view and sequence of the database and all their rows",
        "auto       | ~SET REFERENTIAL_INTEGRITY FALSE;\ndrop all objects;~ | drop-database |",
        "h2         | DROP ALIAS IF EXISTS all_objects           | - |",
        "postgresql | DROP CAST (int AS bool) CASCADE            | cascade | DROP CAST CASCADE also drops every object that depends on it",
        "postgresql | DROP TEXT SEARCH CONFIGURATION cfg CASCADE | cascade | DROP TEXT SEARCH CONFIGURATION cfg CASCADE also drops every object that depends on it",
        "sqlserver  | ALTER TABLE stage SWITCH TO dbo.base WITH (TRUNCATE_TARGET = ON) | truncate-table | ALTER TABLE stage SWITCH with TRUNCATE_TARGET = ON removes every row of table dbo.base",
        "sqlserver  | ALTER TABLE stage SWITCH TO dbo.base       | - |",
    })
    void reportsDropsAndTruncates(String dialect, String sql, String rules, String messages) {
        assertFindings(dialect, sql, rules, messages);
    }

    /**
     * A routine body runs only when the routine is called: its statements are found with their own line and
     * the routine-body context, from which the linter lowers them to INFO so they never fail the build.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "~CREATE PROCEDURE p AS\nDROP TABLE orders~     | [2:drop-table]",
        "~ALTER PROCEDURE p AS\nTRUNCATE TABLE orders~  | [2:truncate-table]",
        "~CREATE PROCEDURE p AS\nBEGIN\n  DROP TABLE a\n  TRUNCATE TABLE b\nEND~ | [3:drop-table, 4:truncate-table]",
    })
    void routineBodiesAreReportedInTheirOwnContext(String sql, String hits) {
        List<RulePipeline.Hit> found = RulePipeline.run(Dialect.SQLSERVER, sql);
        assertEquals(hits, found.toString(), sql);
        assertEquals(List.of(StatementContext.Kind.ROUTINE_BODY),
                found.stream().map(RulePipeline.Hit::context).distinct().toList(), sql);
    }

    static void assertFindings(String dialect, String sql, String rules, String messages) {
        List<RulePipeline.Hit> hits = RulePipeline.run(Dialect.fromConfig(dialect), sql);
        List<String> expected = rules.equals("-") ? List.of() : Arrays.asList(rules.split(" "));
        assertEquals(expected, hits.stream().map(RulePipeline.Hit::rule).toList(), sql);
        if (messages != null) {
            assertEquals(messages, hits.stream().map(RulePipeline.Hit::message)
                    .collect(Collectors.joining(" / ")), sql);
        }
    }
}
