package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema the earlier migrations built decides what later ones lose, across files, in Flyway's order. */
class LinterSchemaTest {

    @TempDir
    Path project;

    @Test
    void wideningIsNotReportedNarrowingNamesBothTypesAcrossFilesInVersionOrder() throws IOException {
        write("db/V1.10__narrow.sql", "ALTER TABLE orders ALTER COLUMN note TYPE VARCHAR(20);\n");
        write("db/V1.2__widen.sql", "ALTER TABLE orders ALTER COLUMN note TYPE VARCHAR(200);\n"
                + "ALTER TABLE orders ALTER COLUMN amount TYPE NUMERIC(14, 2);\n");
        write("db/V1__init.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(100),"
                + " amount NUMERIC(10, 2));\n");
        write("db/V2__unknown.sql", "ALTER TABLE legacy ALTER COLUMN c TYPE INT;\n");

        List<Finding> findings = lint(Dialect.POSTGRESQL, "alter-column-type");

        assertEquals(2, findings.size(), findings.toString());
        assertEquals("db/V1.10__narrow.sql", findings.get(0).location().path());
        assertEquals("ALTER TABLE orders changes the type of column note from VARCHAR(200) to VARCHAR(20)"
                + " (shorter: 200 to 20 characters)", findings.get(0).message());
        assertEquals("ALTER TABLE legacy changes the type of column c to INT (its type before is not known: table legacy is not"
                + " created by the migrations that run before this one)",
                findings.get(1).message());
    }

    @Test
    void aTypeChangeOfATableNoMigrationCreatedSaysSoAfterAnAlterThatNamedTheColumnWithoutAType() throws IOException {
        write("db/V1__not_null.sql", "ALTER TABLE legacy MODIFY recid NOT NULL;\n"
                + "ALTER TABLE legacy ADD code NUMBER(10);\nALTER TABLE legacy MODIFY code NOT NULL;\n");
        write("db/V2__retype.sql", "ALTER TABLE legacy MODIFY (recid NUMBER);\n"
                + "ALTER TABLE legacy MODIFY (code NUMBER(5));\n");

        List<Finding> findings = lint(Dialect.ORACLE, "alter-column-type");

        assertEquals(2, findings.size(), findings.toString());
        assertEquals("ALTER TABLE legacy changes the type of column recid to NUMBER (its type before is not known:"
                + " table legacy is not created by the migrations that run before this one"
                + " (first seen at db/V1__not_null.sql:1))",
                findings.get(0).message());
        assertEquals("ALTER TABLE legacy changes the type of column code from NUMBER(10) to NUMBER(5)"
                + " (Oracle refuses to give a NUMBER column fewer integer or decimal digits unless every value of"
                + " it is NULL (ORA-01440), so the migration stops on a table with values)",
                findings.get(1).message());
    }

    @Test
    void prismaMigrationFoldersRunInTheOrderOfTheirNamesAsText() throws IOException {
        // Prisma runs 1_init, 10_widen, 2_narrow: the narrowing starts from the widened type.
        write("db/prisma/migrations/1_init/migration.sql", "CREATE TABLE \"note\" (\"id\" UUID NOT NULL,"
                + " \"body\" VARCHAR(100));\n");
        write("db/prisma/migrations/2_narrow/migration.sql",
                "ALTER TABLE \"note\" ALTER COLUMN \"body\" SET DATA TYPE VARCHAR(200);\n");
        write("db/prisma/migrations/10_widen/migration.sql",
                "ALTER TABLE \"note\" ALTER COLUMN \"body\" SET DATA TYPE VARCHAR(500);\n");
        write("db/prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");

        List<Finding> findings = lint(Dialect.POSTGRESQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("db/prisma/migrations/2_narrow/migration.sql", findings.get(0).location().path());
        assertEquals("ALTER TABLE \"note\" changes the type of column \"body\" from VARCHAR(500) to VARCHAR(200)"
                + " (shorter: 500 to 200 characters)", findings.get(0).message());
    }

    @Test
    void dieselFoldersWithDashedAndCompactVersionsRunAsDieselOrdersThem() throws IOException {
        // diesel runs 20170804200817 before 2017-09-23-182408 (20170923182408): the widening sees the table
        write("db/migrations/20170102131034_init/up.sql", "CREATE TABLE users (id INT PRIMARY KEY);\n");
        write("db/migrations/20170804200817_add_emails/up.sql", "CREATE TABLE emails (id INT PRIMARY KEY,"
                + " email VARCHAR(100));\n");
        write("db/migrations/20170804200817_add_emails/down.sql", "DROP TABLE emails;\n");
        write("db/migrations/2017-09-23-182408_longer_emails/up.sql",
                "ALTER TABLE emails ALTER COLUMN email TYPE VARCHAR(200);\n");
        write("db/migrations/2017-09-23-182408_longer_emails/down.sql",
                "ALTER TABLE emails ALTER COLUMN email TYPE VARCHAR(100);\n");

        List<Finding> findings = lint(Dialect.POSTGRESQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("db/migrations/2017-09-23-182408_longer_emails/down.sql", findings.get(0).location().path());
        assertTrue(findings.get(0).message().contains("from VARCHAR(200) to VARCHAR(100)"), findings.toString());
    }

    @Test
    void typeChangeWhoseUsingIgnoresTheColumnLosesItsValuesEvenWhenTheTypeIsWider() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(100));\n");
        write("db/V2__reset.sql", "-- the notes are recomputed later\n"
                + "ALTER TABLE orders ALTER COLUMN note TYPE text USING NULL;\n"
                + "ALTER TABLE orders ALTER COLUMN note TYPE text USING note;\n");

        List<Finding> findings = lint(Dialect.POSTGRESQL, "drop-column");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("db/V2__reset.sql", findings.get(0).location().path());
        assertEquals(2, findings.get(0).location().line());
        assertEquals(48, findings.get(0).location().column());
        assertEquals("ALTER TABLE orders replaces every value of column note with USING NULL, which does not read the"
                + " column: its old values are lost as if it were dropped", findings.get(0).message());
        assertTrue(lint(Dialect.POSTGRESQL, "alter-column-type").isEmpty());
    }

    @Test
    void typeChangeWhoseUsingComputesTheValuesIsReportedEvenWhenTheTypeIsWider() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE items (id INT PRIMARY KEY, price NUMERIC(12, 4), name VARCHAR(50),"
                + " note TEXT);\n");
        write("db/V2__retype.sql", """
                ALTER TABLE items ALTER COLUMN price TYPE NUMERIC(14, 4) USING round(price, 0);
                ALTER TABLE items ALTER COLUMN name TYPE TEXT USING name::text, ALTER note TYPE jsonb USING note::jsonb;
                ALTER TABLE items ALTER COLUMN id TYPE BIGINT USING CAST(id AS BIGINT);
                """);

        List<Finding> findings = lint(Dialect.POSTGRESQL, "alter-column-type");

        assertEquals(2, findings.size(), findings.toString());
        assertEquals(1, findings.get(0).location().line());
        assertEquals(19, findings.get(0).location().column());
        assertEquals("ALTER TABLE items changes the type of column price (its USING round(price, 0) computes every"
                + " new value, which the old one may not survive)", findings.get(0).message());
        assertEquals(2, findings.get(1).location().line());
        assertTrue(findings.get(1).message().contains("note from TEXT to jsonb"), findings.get(1).message());
    }

    @Test
    void jsonToJsonbIsReportedAsItKeepsOneValuePerKey() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE widgets (id INT PRIMARY KEY, layout json, props jsonb);\n");
        write("db/V2__retype.sql", """
                ALTER TABLE widgets ALTER COLUMN layout TYPE jsonb;
                ALTER TABLE widgets ALTER COLUMN props TYPE json;
                """);

        List<Finding> findings = lint(Dialect.POSTGRESQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(1, findings.get(0).location().line());
        assertEquals(21, findings.get(0).location().column());
        assertTrue(findings.get(0).message().contains("layout from json to jsonb (jsonb keeps only the last value of a"
                + " duplicate key"), findings.get(0).message());
    }

    @Test
    void aLongUsingIsNamedByItsFirstWords() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE grants (id INT PRIMARY KEY, scope INT);\n");
        write("db/V2__retype.sql", """
                ALTER TABLE grants ALTER COLUMN scope TYPE varchar(255) USING CASE WHEN scope = 0 THEN 'READ'
                    WHEN scope = 1 THEN 'WRITE' WHEN scope = 2 THEN 'ADMIN' WHEN scope = 3 THEN 'OWNER' END;
                """);

        List<Finding> findings = lint(Dialect.POSTGRESQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("ALTER TABLE grants changes the type of column scope (its USING CASE WHEN scope = 0 THEN 'READ'"
                + " WHEN scope = 1 THEN 'WRITE' .. has no ELSE, so every value it does not list becomes NULL)",
                findings.get(0).message());
    }

    @Test
    void aTimestampReadAsUtcKeepsEveryValueButAnotherZoneIsStillReported() throws IOException {
        write("db/V1__init.sql", """
                CREATE TABLE "Account" ("id" INT PRIMARY KEY, "logIn" TIMESTAMP(3) NOT NULL, "seen" TIMESTAMP(3),
                    "left" TIMESTAMP(3));
                """);
        write("db/V2__retype.sql", """
                ALTER TABLE "Account" ALTER COLUMN "logIn" SET DATA TYPE TIMESTAMPTZ(3) USING "logIn" AT TIME ZONE 'UTC',
                ALTER COLUMN "seen" TYPE timestamptz USING timezone('utc', "seen");
                ALTER TABLE "Account" ALTER COLUMN "left" TYPE timestamptz USING "left" AT TIME ZONE 'Europe/Berlin';
                """);

        List<Finding> findings = lint(Dialect.POSTGRESQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(3, findings.get(0).location().line());
        assertTrue(findings.get(0).message().contains("\"left\" AT TIME ZONE 'Europe/Berlin' computes every new"),
                findings.get(0).message());
    }

    @Test
    void aUsingCaseWithoutElseIsSaidToNullTheValuesItDoesNotList() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20), kind VARCHAR(20));\n");
        write("db/V2__retype.sql", """
                ALTER TABLE orders ALTER COLUMN status TYPE int USING CASE status WHEN 'new' THEN 1 WHEN 'paid' THEN 2 END;
                ALTER TABLE orders ALTER COLUMN kind TYPE text USING CASE WHEN kind = 'a' THEN 'alpha' ELSE kind END;
                """);

        List<Finding> findings = lint(Dialect.POSTGRESQL, "alter-column-type");

        assertEquals(2, findings.size(), findings.toString());
        assertEquals("ALTER TABLE orders changes the type of column status from VARCHAR(20) to int (text to integer"
                + " can fail or change values; its USING CASE status WHEN 'new' THEN 1 WHEN 'paid' THEN 2 END has no"
                + " ELSE, so every value it does not list becomes NULL)", findings.get(0).message());
        assertEquals("ALTER TABLE orders changes the type of column kind (its USING CASE WHEN kind = 'a' THEN 'alpha'"
                + " ELSE kind END computes every new value, which the old one may not survive)",
                findings.get(1).message());
    }

    @Test
    void deleteWithoutWhereNamesTablesEmptiedThroughCascades() throws IOException {
        write("db/V1__init.sql", """
                CREATE TABLE accounts (id BIGINT PRIMARY KEY);
                CREATE TABLE invoices (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE);
                CREATE TABLE invoice_lines (id BIGINT, invoice_id BIGINT REFERENCES invoices (id) ON DELETE CASCADE);
                """);
        write("db/V2__reset.sql", "DELETE FROM accounts;\nTRUNCATE accounts CASCADE;\n");

        List<Finding> findings = lint(Dialect.POSTGRESQL, "delete-without-where");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("DELETE without WHERE removes every row of accounts and, through ON DELETE CASCADE,"
                + " every row of invoices and invoice_lines", findings.get(0).message());
        List<Finding> truncate = lint(Dialect.POSTGRESQL, "truncate-table");
        assertEquals("TRUNCATE removes every row of table accounts, and with it every row of invoices and"
                + " invoice_lines", truncate.get(0).message());
    }

    @Test
    void rowsOfAGlobalTemporaryTableBelongToTheMigrationsOwnSession() throws IOException {
        write("db/V1__init.sql", """
                CREATE GLOBAL TEMPORARY TABLE work_ids (id NUMBER) ON COMMIT PRESERVE ROWS;
                CREATE TABLE orders (id NUMBER PRIMARY KEY);
                """);
        write("db/V2__reset.sql", """
                DELETE FROM work_ids;
                UPDATE work_ids SET id = 0;
                TRUNCATE TABLE work_ids;
                DELETE FROM orders;
                BEGIN
                  DELETE FROM ora$ptt_batch;
                END;
                /
                """);

        List<Finding> deletes = lint(Dialect.ORACLE, "delete-without-where");
        assertEquals(1, deletes.size(), deletes.toString());
        assertEquals("DELETE without WHERE removes every row of orders", deletes.get(0).message());
        assertTrue(lint(Dialect.ORACLE, "update-without-where").isEmpty());
        assertTrue(lint(Dialect.ORACLE, "truncate-table").isEmpty());
    }

    @Test
    void droppingAGlobalTemporaryTableLosesItsDefinitionNotRows() throws IOException {
        write("db/V1__init.sql", """
                CREATE GLOBAL TEMPORARY TABLE work_ids (id NUMBER) ON COMMIT PRESERVE ROWS;
                CREATE GLOBAL TEMPORARY TABLE work_names (name VARCHAR2(30)) ON COMMIT DELETE ROWS;
                CREATE GLOBAL TEMPORARY TABLE work_dates (at DATE) ON COMMIT DELETE ROWS;
                CREATE TABLE orders (id NUMBER PRIMARY KEY);
                """);
        write("db/V2__drop.sql", "DROP TABLE work_ids;\nDROP TABLE work_names, work_dates;\nDROP TABLE orders;\n");

        List<String> messages = lint(Dialect.ORACLE, "drop-table").stream().map(Finding::message).toList();
        assertEquals(List.of("DROP TABLE removes global temporary table work_ids: its rows last only for a session,"
                + " but the code that uses it fails once it is gone",
                "DROP TABLE removes global temporary tables work_names, work_dates: their rows last only for a"
                        + " session, but the code that uses them fails once they are gone",
                "DROP TABLE removes table orders and all its rows"), messages);
    }

    @Test
    void aLocalTemporaryTableOfAnEarlierMigrationIsNotKnownToHoldSessionRows() throws IOException {
        write("db/V1__init.sql", "CREATE TEMPORARY TABLE work_ids (id INT);\n");
        write("db/V2__reset.sql", "TRUNCATE TABLE work_ids;\n");

        assertEquals(1, lint(Dialect.MYSQL, "truncate-table").size());
    }

    @Test
    void droppingATypeDomainOrExtensionWithCascadeDropsTheColumnsOfItsTypes() throws IOException {
        write("db/V1__init.sql", """
                CREATE EXTENSION IF NOT EXISTS postgis;
                CREATE TYPE order_status AS ENUM ('new', 'paid');
                CREATE DOMAIN email AS text CHECK (VALUE ~ '@');
                CREATE TABLE orders (id BIGINT PRIMARY KEY, status order_status NOT NULL, history order_status[]);
                CREATE TABLE customers (id BIGINT PRIMARY KEY, contact email, home geometry(Point, 4326));
                CREATE TYPE unused_kind AS ENUM ('a');
                """);
        write("db/V2__cleanup.sql", """
                DROP TYPE order_status CASCADE;
                DROP DOMAIN IF EXISTS public.email CASCADE;
                DROP EXTENSION postgis CASCADE;
                DROP TYPE unused_kind CASCADE;
                DROP TYPE order_status;
                """);

        List<Finding> findings = lint(Dialect.POSTGRESQL, "drop-column");

        assertEquals(List.of("1:24 DROP TYPE order_status CASCADE also drops columns orders.status, orders.history"
                        + " of type order_status, with every value in them",
                "2:36 DROP DOMAIN public.email CASCADE also drops column customers.contact of type public.email,"
                        + " with every value in it",
                "3:24 DROP EXTENSION postgis CASCADE also drops column customers.home, whose type geometry it"
                        + " provides, with every value in it"),
                findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.message())
                        .toList());
        assertEquals(4, lint(Dialect.POSTGRESQL, "cascade").size());
    }

    /** H2 gives the columns of a domain dropped with CASCADE the domain's type, default and checks, values kept. */
    @Test
    void anH2DomainDroppedWithCascadeKeepsItsColumns() throws IOException {
        write("db/V1__init.sql", """
                CREATE DOMAIN email AS VARCHAR(200) CHECK (POSITION('@', VALUE) > 1);
                CREATE TABLE customers (id BIGINT PRIMARY KEY, contact email);
                """);
        write("db/V2__cleanup.sql", "DROP DOMAIN email CASCADE;\n");

        assertEquals(List.of(), lint(Dialect.H2, "drop-column"));
        assertEquals(List.of(), lint(Dialect.H2, "cascade"));
    }

    @Test
    void oracleDroppingATypeWithForceDropsTheColumnsOfIt() throws IOException {
        write("db/V1__init.sql", """
                CREATE TYPE address_t AS OBJECT (street VARCHAR2(100));
                /
                CREATE TABLE customers (id NUMBER PRIMARY KEY, home address_t, work address_t);
                """);
        write("db/V2__cleanup.sql", "DROP TYPE address_t FORCE;\n");

        List<Finding> findings = lint(Dialect.ORACLE, "drop-column");

        assertEquals(List.of("1:21 DROP TYPE address_t FORCE also drops columns customers.home, customers.work of type"
                        + " address_t, with every value in them"),
                findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.message())
                        .toList());
    }

    @Test
    void droppingAnAttributeOfATypeWithCascadeDropsItFromTheColumnsOfTheType() throws IOException {
        write("db/V1__init.sql", """
                CREATE TYPE address_t AS OBJECT (street VARCHAR2(100), note VARCHAR2(200));
                /
                CREATE TABLE customers (id NUMBER PRIMARY KEY, home address_t, work address_t);
                """);
        write("db/V2__slim_address.sql", """
                ALTER TYPE address_t ADD ATTRIBUTE (zip VARCHAR2(10)) CASCADE;
                ALTER TYPE address_t
                  DROP ATTRIBUTE (note) CASCADE;
                ALTER TYPE address_t DROP ATTRIBUTE street CASCADE NOT INCLUDING TABLE DATA;
                """);

        assertEquals(List.of("3:3 ALTER TYPE address_t DROP ATTRIBUTE note CASCADE also drops it from columns"
                        + " customers.home, customers.work of type address_t, with its value in every row"),
                lint(Dialect.ORACLE, "drop-column").stream()
                        .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList());
        assertEquals(List.of("3:25 ALTER TYPE address_t DROP ATTRIBUTE note CASCADE also drops the attribute's values"
                        + " from every table that stores type address_t"),
                lint(Dialect.ORACLE, "cascade").stream()
                        .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList());
    }

    @Test
    void droppingATypeWithCascadeLosesNothingInTablesTheSameScriptCreated() throws IOException {
        write("db/V1__init.sql", "CREATE TYPE kind AS ENUM ('a', 'b');\nCREATE TABLE items (id INT, k kind);\n");
        write("db/V2__import.sql", """
                CREATE TABLE import_rows (id INT, k kind);
                INSERT INTO import_rows SELECT id, k FROM items;
                DROP TYPE kind CASCADE;
                """);
        write("db/V3__scratch_type.sql", """
                CREATE TYPE tmp_kind AS ENUM ('x');
                CREATE TEMP TABLE staging (id INT, k tmp_kind);
                CREATE TABLE copy_rows (id INT, k tmp_kind);
                DROP TYPE tmp_kind CASCADE;
                """);

        List<Finding> findings = lint(Dialect.POSTGRESQL, "drop-column");

        assertEquals(List.of("V2__import.sql 3:16 DROP TYPE kind CASCADE also drops column items.k of type kind,"
                        + " with every value in it"),
                findings.stream().map(f -> f.location().path().substring(f.location().path().lastIndexOf('/') + 1) + " " + f.location().line() + ":"
                        + f.location().column() + " " + f.message()).toList());
    }


    @Test
    void deletingEnumLabelsFromTheCatalogNamesTheColumnsOfTheType() throws IOException {
        write("db/V1__init.sql", """
                CREATE TYPE state AS ENUM ('new', 'done', 'lost');
                CREATE TABLE jobs (id INT, st state);
                CREATE TABLE runs (id INT, last_state STATE NOT NULL);
                """);
        write("db/V2__remove_lost.sql", """
                UPDATE jobs SET st = 'done' WHERE st = 'lost';
                DELETE
                FROM pg_enum
                WHERE enumlabel = 'lost'
                  AND enumtypid = (SELECT oid FROM pg_type WHERE typname = 'state');
                """);

        assertEquals(List.of("2:1 DELETE FROM pg_enum removes label 'lost' of enum type state behind PostgreSQL's"
                        + " back: the values of jobs.st, runs.last_state holding it can no longer be read"),
                lint(Dialect.POSTGRESQL, "drop-column").stream()
                        .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList());
    }
    @Test
    void mySqlRestatingTheSameTypeIsNotAChange() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE t (id INT NOT NULL, created DATETIME);\n");
        write("db/V2__precision.sql", "ALTER TABLE t MODIFY id INT NULL;\nALTER TABLE t MODIFY created DATETIME(6);\n"
                + "ALTER TABLE t MODIFY id SMALLINT;\n");

        List<Finding> findings = lint(Dialect.MYSQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("id from INT to SMALLINT (narrower integer)"),
                findings.get(0).message());
    }

    @Test
    void mariaDbLockWaitBeforeTheClausesKeepsTheReplayedTypes() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE t (id INT NOT NULL, age INT, name VARCHAR(200));\n");
        write("db/V2__wait.sql", "ALTER TABLE t NOWAIT MODIFY name VARCHAR(400);\n"
                + "ALTER TABLE t WAIT 5 MODIFY age TINYINT, MODIFY name VARCHAR(300);\n");

        List<Finding> findings = lint(Dialect.MARIADB, "alter-column-type");

        assertEquals(List.of("2:22 ALTER TABLE t changes the type of column age from INT to TINYINT (narrower integer)",
                "2:42 ALTER TABLE t changes the type of column name from VARCHAR(400) to VARCHAR(300) (shorter: 400 to"
                        + " 300 characters)"),
                findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.message())
                        .toList());
    }

    @Test
    void columnsNamedLikeMySqlIndexWordsAreColumnsAndAKeyIndexIsNot() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE ts_kv (entity_id uuid NOT NULL, key varchar(255) NOT NULL,"
                + " period varchar(40), index integer, KEY idx_a (entity_id), PRIMARY KEY (entity_id, key));\n");
        write("db/V2__narrow.sql", "ALTER TABLE ts_kv ALTER COLUMN key TYPE varchar(10);\n"
                + "ALTER TABLE ts_kv ALTER COLUMN period TYPE varchar(20), ALTER COLUMN index TYPE smallint;\n"
                + "ALTER TABLE ts_kv ALTER COLUMN idx_a TYPE int;\n");

        List<Finding> findings = lint(Dialect.AUTO, "alter-column-type");

        assertEquals(List.of("1:19 ALTER TABLE ts_kv changes the type of column key from varchar(255) to varchar(10)"
                        + " (shorter: 255 to 10 characters)",
                "2:19 ALTER TABLE ts_kv changes the type of column period from varchar(40) to varchar(20) (shorter: 40"
                        + " to 20 characters)",
                "2:57 ALTER TABLE ts_kv changes the type of column index from integer to smallint (narrower integer)",
                "3:19 ALTER TABLE ts_kv changes the type of column idx_a to int (its type before is not known: table"
                        + " ts_kv has no column idx_a in the statements replayed before this one)"),
                findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.message())
                        .toList());
    }

    @Test
    void h2AlterColumnIfExistsIsJudgedAgainstTheReplayedType() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE t (id INT PRIMARY KEY, c VARCHAR(100));\n");
        write("db/V2__narrow.sql", "ALTER TABLE t ALTER COLUMN IF EXISTS c VARCHAR(5);\n"
                + "ALTER TABLE t ALTER COLUMN IF EXISTS c SET DATA TYPE VARCHAR(50);\n");

        List<Finding> findings = lint(Dialect.H2, "alter-column-type");

        assertEquals(List.of("1:15 ALTER TABLE t changes the type of column c from VARCHAR(100) to VARCHAR(5) (shorter:"
                + " 100 to 5 characters)"),
                findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.message())
                        .toList());
    }

    @Test
    void mySqlEnumThatKeepsEveryValueIsNotAChangeOneThatLeavesAValueOutNamesIt() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE items (id INT PRIMARY KEY, kind ENUM('a','b','c') NOT NULL);\n");
        write("db/V2__enum.sql", "ALTER TABLE items MODIFY COLUMN kind ENUM('a','b','c','d') NOT NULL;\n"
                + "ALTER TABLE items MODIFY COLUMN kind ENUM('a','b','d') NOT NULL;\n");

        List<Finding> findings = lint(Dialect.MYSQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(2, findings.get(0).location().line());
        assertEquals(19, findings.get(0).location().column());
        assertEquals("ALTER TABLE items changes the type of column kind from ENUM('a', 'b', 'c', 'd') to"
                + " ENUM('a', 'b', 'd') (leaves out value 'c': rows holding it become '' or, in strict mode, make the"
                + " statement fail)", findings.get(0).message());
    }

    /**
     * An ENUM that leaves out values the same script first moved to another value (an UPDATE that sets the column
     * to a literal where it equals them) loses nothing on those rows; every other left-out value still loses its
     * rows, and so does a value moved by an earlier script, a narrower UPDATE, or an UPDATE of another column.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL | UPDATE queues SET type = 'WorkerJob' WHERE type = 'WorkerTask' OR type = 'WorkerTrigger'; ALTER TABLE queues MODIFY type ENUM('WorkerJob', 'Other') |
            MYSQL | UPDATE queues SET type = 'WorkerJob' WHERE type IN ('WorkerTask', 'WorkerTrigger'); ALTER TABLE queues MODIFY COLUMN type ENUM('WorkerJob', 'Other') NOT NULL |
            MYSQL | UPDATE `queues` SET `type` = 'WorkerJob' WHERE (`type` = 'WorkerTask'); UPDATE queues SET type = 'Other' WHERE type = 'WorkerTrigger'; ALTER TABLE queues MODIFY type ENUM('WorkerJob', 'Other') |
            H2    | UPDATE queues SET type = 'WorkerJob' WHERE type = 'WorkerTask' OR type = 'WorkerTrigger'; ALTER TABLE queues ALTER COLUMN type ENUM('WorkerJob', 'Other') |
            MYSQL | UPDATE queues SET type = 'WorkerJob' WHERE type = 'WorkerTask'; ALTER TABLE queues MODIFY type ENUM('WorkerJob', 'Other') | leaves out value 'WorkerTrigger'
            MYSQL | UPDATE queues SET type = 'WorkerJob' WHERE type = 'WorkerTask' AND id > 5; ALTER TABLE queues MODIFY type ENUM('WorkerJob', 'Other') | leaves out values 'WorkerTask', 'WorkerTrigger'
            MYSQL | UPDATE queues SET type = 'WorkerJob' WHERE type = 'WorkerTask' OR id > 5; ALTER TABLE queues MODIFY type ENUM('WorkerJob', 'Other') | leaves out values 'WorkerTask', 'WorkerTrigger'
            MYSQL | UPDATE queues SET kind = 'WorkerJob' WHERE type = 'WorkerTask' OR type = 'WorkerTrigger'; ALTER TABLE queues MODIFY type ENUM('WorkerJob', 'Other') | leaves out values 'WorkerTask', 'WorkerTrigger'
            MYSQL | UPDATE other SET type = 'WorkerJob' WHERE type = 'WorkerTask' OR type = 'WorkerTrigger'; ALTER TABLE queues MODIFY type ENUM('WorkerJob', 'Other') | leaves out values 'WorkerTask', 'WorkerTrigger'
            MYSQL | UPDATE queues SET type = 'WorkerJob' WHERE type = 'WorkerTask' OR type = 'WorkerTrigger'; INSERT INTO queues (id, kind, type) VALUES (9, 'a', 'WorkerTask'); ALTER TABLE queues MODIFY type ENUM('WorkerJob', 'Other') | leaves out values 'WorkerTask', 'WorkerTrigger'
            MYSQL | UPDATE queues SET type = 'WorkerJob' WHERE type = 'WorkerTask' OR type = 'WorkerTrigger'; UPDATE queues SET type = 'WorkerTask' WHERE id = 1; ALTER TABLE queues MODIFY type ENUM('WorkerJob', 'Other') | leaves out values 'WorkerTask', 'WorkerTrigger'
            """)
    void enumValuesTheScriptMovedAwayFirstAreNotLost(Dialect dialect, String sql, String lost) throws IOException {
        write("db/V1__init.sql", "CREATE TABLE queues (id INT PRIMARY KEY, kind VARCHAR(20),"
                + " type ENUM('WorkerJob','WorkerTask','WorkerTrigger','Other'));\n"
                + "CREATE TABLE other (id INT PRIMARY KEY, type VARCHAR(20));\n");
        write("db/V2__remap.sql", sql.replace("; ", ";\n") + ";\n");

        List<Finding> findings = lint(dialect, "alter-column-type");

        assertEquals(lost == null ? List.of() : List.of("leaves out"), findings.stream().map(f -> "leaves out").toList(),
                findings.toString());
        if (lost != null) {
            assertTrue(findings.get(0).message().contains("(" + lost + ": rows holding"), findings.get(0).message());
        }
    }

    @Test
    void enumValueMovedAwayByAnEarlierScriptIsStillReported() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE queues (id INT PRIMARY KEY, type ENUM('WorkerJob','WorkerTask'));\n");
        write("db/V2__remap.sql", "UPDATE queues SET type = 'WorkerJob' WHERE type = 'WorkerTask';\n");
        write("db/V3__narrow.sql", "ALTER TABLE queues MODIFY type ENUM('WorkerJob');\n");

        List<Finding> findings = lint(Dialect.MYSQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("leaves out value 'WorkerTask'"), findings.get(0).message());
    }

    @Test
    void mySqlSetColumnIsJudgedByItsValuesToo() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE files (id INT PRIMARY KEY, flags SET('r','w','x') NOT NULL);\n");
        write("db/V2__set.sql", "ALTER TABLE files MODIFY flags SET('r','w','x','s') NOT NULL;\n"
                + "ALTER TABLE files MODIFY flags SET('r','w','s') NOT NULL DEFAULT 'r';\n");

        List<Finding> findings = lint(Dialect.MYSQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(2, findings.get(0).location().line());
        assertTrue(findings.get(0).message().contains("leaves out value 'x'"), findings.get(0).message());
    }

    @Test
    void setMemberMovedByEqualityIsStillReportedAsRowsMayHoldItBesideOthers() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE tokens (id INT PRIMARY KEY, modes SET('plain','tls','none'));\n");
        write("db/V2__remap.sql", "ALTER TABLE tokens MODIFY modes SET('plain','tls','none','tls_v2');\n"
                + "UPDATE tokens SET modes = 'tls_v2' WHERE modes = 'tls';\n"
                + "ALTER TABLE tokens MODIFY modes SET('plain','none','tls_v2');\n");

        List<Finding> findings = lint(Dialect.MYSQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(3, findings.get(0).location().line());
        assertTrue(findings.get(0).message().contains("leaves out value 'tls'"), findings.get(0).message());
    }

    @Test
    void mySqlColumnMovedToACharacterSetThatLacksCharactersIsReported() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(50) NOT NULL,"
                + " code VARCHAR(10) CHARACTER SET latin1);\n");
        write("db/V2__charset.sql", "ALTER TABLE items MODIFY label VARCHAR(50) CHARACTER SET latin1 NOT NULL;\n"
                + "ALTER TABLE items MODIFY code VARCHAR(20) CHARACTER SET latin1;\n"
                + "ALTER TABLE items MODIFY code VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;\n");

        List<Finding> findings = lint(Dialect.MYSQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(1, findings.get(0).location().line());
        assertEquals(19, findings.get(0).location().column());
        assertEquals("ALTER TABLE items changes the type of column label from VARCHAR(50) to VARCHAR(50) CHARACTER SET"
                + " latin1 (character set latin1 cannot hold every character: those it lacks become '?', or the"
                + " statement fails in strict mode)", findings.get(0).message());
    }

    /** A column of a {@code DEFAULT CHARSET=utf8} table is utf8 already: naming that set again changes nothing. */
    @Test
    void mySqlColumnGivenItsTablesDefaultCharacterSetKeepsItsCharacters() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE alarms (id INT PRIMARY KEY, resourceUuid varchar(256) DEFAULT NULL)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8;\n");
        write("db/V2__charset.sql", "ALTER TABLE alarms\n"
                + "    MODIFY COLUMN resourceUuid text CHARACTER SET utf8 COLLATE utf8_general_ci NULL;\n"
                + "ALTER TABLE alarms MODIFY COLUMN resourceUuid text CHARACTER SET latin1;\n");

        List<Finding> findings = lint(Dialect.MYSQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(3, findings.get(0).location().line());
        assertTrue(findings.get(0).message().contains("character set latin1 cannot hold"), findings.get(0).message());
    }

    /**
     * A MODIFY without a character set gives the column its table's default, so naming that default in a later
     * MODIFY changes nothing, and a MODIFY that leaves out a column's wider set narrows it to the default.
     */
    @Test
    void mySqlModifyWithoutCharacterSetTakesTheTablesDefault() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE jobs (id INT PRIMARY KEY, label varchar(10) CHARACTER SET utf8mb4)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8;\n");
        write("db/V2__widen.sql", "ALTER TABLE jobs ADD COLUMN detail varchar(100);\n"
                + "ALTER TABLE jobs MODIFY COLUMN detail TEXT NULL;\n");
        write("db/V3__collate.sql", "ALTER TABLE jobs MODIFY COLUMN detail text CHARACTER SET utf8 COLLATE utf8_bin;\n"
                + "ALTER TABLE jobs MODIFY label varchar(10);\n");

        List<Finding> findings = lint(Dialect.MYSQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).location().path().endsWith("V3__collate.sql"), findings.toString());
        assertEquals(2, findings.get(0).location().line());
        assertTrue(findings.get(0).message().contains("character set utf8 cannot hold"), findings.get(0).message());
    }

    /**
     * {@code BINARY} after a type is the binary collation of the table's character set: an {@code ascii} key made
     * {@code varchar(128) BINARY} in a {@code utf8} table keeps every value, one in a {@code latin1} table too.
     */
    @Test
    void mySqlBinaryKeyOfAnAsciiColumnTakesATableSetHoldingEveryAsciiCharacter() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE cache (cache_key varchar(128) CHARACTER SET ascii NOT NULL,"
                + " label varchar(20) CHARACTER SET utf8mb4) DEFAULT CHARSET=utf8;\n");
        write("db/V2__binary.sql", "ALTER TABLE cache CHANGE cache_key cache_key varchar(128) BINARY NOT NULL;\n"
                + "ALTER TABLE cache CHANGE label label varchar(20) BINARY;\n");

        List<Finding> findings = lint(Dialect.MYSQL, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(2, findings.get(0).location().line());
        assertTrue(findings.get(0).message().contains("column label from varchar(20) CHARACTER SET utf8mb4 to"
                + " varchar(20) BINARY in character set utf8 (character set utf8 cannot hold every character"),
                findings.get(0).message());
    }

    @Test
    void mariaDbAlterIgnoreTableIsReplayedLikeAlterTable() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE users (id INT, email VARCHAR(255), note VARCHAR(20));\n");
        write("db/V2__narrow.sql", "ALTER IGNORE TABLE users MODIFY email VARCHAR(100) NOT NULL;\n"
                + "ALTER ONLINE TABLE users MODIFY note VARCHAR(200);\n");

        List<Finding> findings = lint(Dialect.MARIADB, "alter-column-type");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(1, findings.get(0).location().line());
        assertEquals(26, findings.get(0).location().column());
        assertTrue(findings.get(0).message().contains("email from VARCHAR(255) to VARCHAR(100)"),
                findings.get(0).message());
    }

    @Test
    void liquibaseXmlChangesFeedTheReplay() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <createTable tableName="accounts">
                      <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                    </createTable>
                    <createTable tableName="invoices">
                      <column name="id" type="BIGINT"/>
                      <column name="account_id" type="BIGINT">
                        <constraints nullable="false" referencedTableName="accounts" referencedColumnNames="id"
                            foreignKeyName="fk_invoice_account" deleteCascade="true"/>
                      </column>
                      <column name="note" type="VARCHAR(100)"/>
                    </createTable>
                    <addColumn tableName="invoices"><column name="total" type="NUMERIC(10,2)"/></addColumn>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <modifyDataType tableName="invoices" columnName="note" newDataType="VARCHAR(255)"/>
                    <modifyDataType tableName="invoices" columnName="total" newDataType="NUMERIC(10,0)"/>
                    <delete tableName="accounts"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<Finding> retyped = lint(Dialect.POSTGRESQL, "alter-column-type");
        assertEquals(1, retyped.size(), retyped.toString());
        assertTrue(retyped.get(0).message().contains("total from NUMERIC(10, 2) to NUMERIC(10, 0)"),
                retyped.get(0).message());
        List<Finding> delete = lint(Dialect.POSTGRESQL, "delete-without-where");
        assertEquals("DELETE without WHERE removes every row of accounts and, through ON DELETE CASCADE,"
                + " every row of invoices (changeset a:2)", delete.get(0).message());
    }

    @Test
    void liquibaseYamlChangesFeedTheReplay() throws IOException {
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: accounts
                            columns:
                              - column:
                                  name: id
                                  type: BIGINT
                        - createTable:
                            tableName: invoices
                            columns:
                              - column:
                                  name: account_id
                                  type: BIGINT
                        - addForeignKeyConstraint:
                            baseTableName: invoices
                            baseColumnNames: account_id
                            referencedTableName: accounts
                            referencedColumnNames: id
                            constraintName: fk_invoice_account
                            onDelete: CASCADE
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - modifyDataType:
                            tableName: invoices
                            columnName: account_id
                            newDataType: INT
                        - delete:
                            tableName: accounts
                """);

        List<Finding> retyped = lint(Dialect.POSTGRESQL, "alter-column-type");
        assertEquals(1, retyped.size(), retyped.toString());
        assertTrue(retyped.get(0).message().contains("account_id from BIGINT to INT (narrower integer)"),
                retyped.get(0).message());
        List<Finding> delete = lint(Dialect.POSTGRESQL, "delete-without-where");
        assertTrue(delete.get(0).message().contains("through ON DELETE CASCADE, every row of invoices"),
                delete.get(0).message());
    }

    @Test
    void liquibaseTypeNamesAreComparedAsTheTypesEachDatabaseCreates() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="product">
                      <column name="price" type="decimal(19,4)"/>
                      <column name="created" type="timestamp"/>
                      <column name="active" type="BOOLEAN"/>
                  </createTable></changeSet>
                  <changeSet id="2" author="a">
                    <modifyDataType tableName="product" columnName="price" newDataType="CURRENCY"/>
                    <modifyDataType tableName="product" columnName="created" newDataType="DATETIME"/>
                    <modifyDataType tableName="product" columnName="active" newDataType="java.sql.Types.BOOLEAN"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        // PostgreSQL: CURRENCY is an unbounded DECIMAL, DATETIME a TIMESTAMP.
        assertEquals(List.of(), lint(Dialect.POSTGRESQL, "alter-column-type"));
        // Oracle: CURRENCY is NUMBER(15,2), which rounds the fourth decimal away.
        List<Finding> oracle = lint(Dialect.ORACLE, "alter-column-type");
        assertEquals(1, oracle.size(), oracle.toString());
        assertTrue(oracle.get(0).message().contains("price from decimal(19, 4) to NUMBER(15, 2) (scale 4 to 2"),
                oracle.get(0).message());
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private List<Finding> lint(Dialect dialect, String rule) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2));
        return result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }
}
