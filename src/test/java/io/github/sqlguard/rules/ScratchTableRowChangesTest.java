package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Emptying a temporary table, or one the same script created, destroys nothing that outlives the migration. */
class ScratchTableRowChangesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | CREATE TEMP TABLE tmp_ids (id int);\\nDELETE FROM tmp_ids; | -",
        "POSTGRESQL | CREATE TABLE scratch_users AS SELECT * FROM users;\\nUPDATE scratch_users SET name = 'x'; | -",
        "SQLSERVER | DELETE FROM #ids;\\nUPDATE #snapshot SET a = 1; | -",
        "POSTGRESQL | DELETE FROM users; | 1:delete-without-where",
        "POSTGRESQL | CREATE TABLE IF NOT EXISTS users (id int);\\nDELETE FROM users; | 2:delete-without-where",
        // Right after the script dropped it, CREATE TABLE IF NOT EXISTS surely makes a new, empty table.
        "POSTGRESQL | DROP TABLE IF EXISTS pts;\\nCREATE TABLE IF NOT EXISTS pts (id int);\\nDELETE FROM pts;"
                + " | 1:drop-table",
        "POSTGRESQL | DROP TABLE pts;\\nCREATE TABLE IF NOT EXISTS other (id int);\\nDELETE FROM other;"
                + " | 1:drop-table, 3:delete-without-where",
        "POSTGRESQL | DROP TABLE pts;\\nALTER TABLE old_pts RENAME TO pts;\\nCREATE TABLE IF NOT EXISTS pts (id int);"
                + "\\nDELETE FROM pts; | 1:drop-table, 4:delete-without-where",
        "POSTGRESQL | CREATE TEMP TABLE t (id int);\\nDELETE FROM t USING users; | -",
        "POSTGRESQL | CREATE TEMP TABLE t (id int);\\nUPDATE users SET a = t.a FROM t; | 2:update-without-where",
        // Once the scratch table is dropped, its name means the permanent table it shadowed.
        "POSTGRESQL | CREATE TEMP TABLE t (id int);\\nDROP TABLE t;\\nDELETE FROM t; | 3:delete-without-where",
        "MYSQL | CREATE TABLE foo (id int);\\nRENAME TABLE foo TO foo_old;\\nDELETE FROM foo; | 3:delete-without-where",
        "MYSQL | CREATE TABLE foo (id int);\\nRENAME TABLE foo TO foo_old;\\nDELETE FROM foo_old; | -",
        // A rebuilt table renamed to the name of the table it replaces holds that table's rows: SQLite's rebuild,
        // MySQL's swap. Renamed to a name no earlier table had, it stays a scratch table.
        "SQLITE | CREATE TABLE notes_new (id INTEGER);\\nINSERT INTO notes_new SELECT id FROM notes;\\nDROP TABLE notes;"
                + "\\nALTER TABLE notes_new RENAME TO notes;\\nDELETE FROM notes; | 3:drop-table, 5:delete-without-where",
        "MYSQL | CREATE TABLE orders_new LIKE orders;\\nINSERT INTO orders_new SELECT * FROM orders;"
                + "\\nRENAME TABLE orders TO orders_old, orders_new TO orders;\\nUPDATE orders SET state = 1;"
                + " | 4:update-without-where",
        "MYSQL | CREATE TABLE orders_new LIKE orders;\\nRENAME TABLE orders_new TO orders_v2;\\nDELETE FROM orders_v2; | -",
        "SQLITE | CREATE TABLE a_new (id INTEGER);\\nDROP TABLE b;\\nALTER TABLE a_new RENAME TO a;\\nDELETE FROM a; | 2:drop-table",
        "SQLITE | ALTER TABLE users RENAME TO users_old;\\nCREATE TABLE users (id INTEGER);"
                + "\\nINSERT INTO users SELECT id FROM users_old;\\nUPDATE users SET id = 0; | 4:update-without-where",
        "SQLITE | DROP TABLE users;\\nCREATE TABLE users (id INTEGER);\\nDELETE FROM users; | 1:drop-table",
        // PostgreSQL keeps a quoted name with capitals apart from the folded one.
        "POSTGRESQL | CREATE TABLE \"Foo\" (id int);\\nDELETE FROM foo; | 2:delete-without-where",
        "POSTGRESQL | CREATE TABLE \"Foo\" (id int);\\nDELETE FROM \"Foo\"; | -",
        "ORACLE | CREATE TABLE \"PAYMENTS_TMP\" (id NUMBER);\\nDELETE FROM payments_tmp; | -",
        "ORACLE | CREATE TABLE payments_tmp (id NUMBER);\\nDELETE FROM \"PAYMENTS_TMP\"; | -",
        "ORACLE | CREATE TABLE \"payments_tmp\" (id NUMBER);\\nDELETE FROM payments_tmp; | 2:delete-without-where",
        "H2 | CREATE TABLE \"TMP\" (id INT);\\nDELETE FROM tmp; | -",
        "POSTGRESQL | CREATE TABLE \"foo\" (id int);\\nDELETE FROM foo; | -",
        // Another schema may hold a table of the same name with rows; the default one is where the script created it.
        "POSTGRESQL | CREATE TABLE acct (id int);\\nDELETE FROM app.acct; | 2:delete-without-where",
        "POSTGRESQL | CREATE TABLE acct (id int);\\nDELETE FROM public.acct; | -",
        "SQLSERVER | CREATE TABLE acct (id int);\\nDELETE FROM dbo.acct; | -",
        "SQLSERVER | CREATE TABLE dbo.acct (id int);\\nDELETE FROM dbo.acct; | -",
        // SELECT .. INTO creates the table it names, and fails when it exists; in a PL/SQL block it fills a variable.
        "SQLSERVER | SELECT * INTO dbo.Orders_bak FROM dbo.Orders\\nDELETE FROM dbo.Orders_bak | -",
        "SQLSERVER | SELECT Id INTO dbo.Staging FROM dbo.Orders WHERE Id > 5\\nUPDATE dbo.Staging SET Id = 0 | -",
        "POSTGRESQL | SELECT * INTO TEMP TABLE copy_a FROM users;\\nSELECT * INTO users_copy FROM users;\\nDELETE FROM users_copy; | -",
        "SQLSERVER | SELECT * INTO dbo.Orders_bak FROM dbo.Orders\\nDELETE FROM dbo.Orders | 2:delete-without-where",
        "ORACLE | BEGIN\\n  SELECT id INTO audit_log FROM t WHERE ROWNUM = 1;\\n  DELETE FROM audit_log;\\nEND;\\n/ | 3:delete-without-where",
        "MYSQL | SELECT COUNT(*) INTO @n FROM users;\\nDELETE FROM users; | 2:delete-without-where",
        "SQLSERVER | SELECT * INTO dbo.Orders_bak FROM dbo.Orders\\nDROP TABLE dbo.Orders_bak | -",
        "SQLSERVER | SELECT * INTO dbo.Orders_bak FROM dbo.Orders\\nDROP TABLE dbo.Orders | 2:drop-table",
    })
    void rowChangesOfScratchTablesAreNotReported(Dialect dialect, String sql, String expected) {
        List<String> found = RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all()).stream()
                .map(hit -> hit.line() + ":" + hit.rule())
                .filter(hit -> hit.endsWith("-where") || hit.endsWith(":drop-table")).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(", ")), found);
    }

    /**
     * Dynamic SQL is read as the database that runs it reads it: T-SQL's {@code #work} and {@code [Order Lines]}
     * are names there, so EXEC of a temp table's TRUNCATE or DROP loses nothing, and a bracketed name is whole.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXEC('TRUNCATE TABLE #work') | -",
        "EXEC('DROP TABLE #work') | -",
        "EXEC sp_executesql N'TRUNCATE TABLE ##shared' | -",
        "EXEC('TRUNCATE TABLE dbo.Orders') | truncate-table: TRUNCATE removes every row of table dbo.Orders",
        "EXEC('TRUNCATE TABLE [dbo].[Order Lines]') | truncate-table: TRUNCATE removes every row of table"
                + " [dbo].[Order Lines]",
    })
    void tsqlDynamicSqlReadsTempTablesAndBracketedNames(String sql, String expected) {
        List<String> found = RulePipeline.run(Dialect.SQLSERVER, sql, RuleRegistry.all()).stream()
                .filter(hit -> hit.rule().equals("truncate-table") || hit.rule().equals("drop-table"))
                .map(hit -> hit.rule() + ": " + hit.message().replace(" (inside dynamic SQL)", "")).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
