package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Facts that need the whole script or the statement's place: called routines run now, CREATE OR REPLACE TABLE
 * and DROP TABLESPACE .. INCLUDING CONTENTS destroy rows, messages name tables rather than aliases, and
 * statements inside blocks stand where they are written.
 */
class ScriptLevelFactsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // A routine the script creates and calls runs with the migration.
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE tmp_fix() BEGIN DELETE FROM order_lines; END$$\\nDELIMITER ;\\n"
                + "CALL tmp_fix(); | 2:34 delete-without-where ERROR DELETE without WHERE removes every row of"
                + " order_lines (inside procedure tmp_fix body, which this script calls at line 4)",
        "POSTGRESQL | CREATE FUNCTION tmp_fix() RETURNS void AS $$\\nBEGIN\\n  DELETE FROM order_lines;\\nEND;\\n"
                + "$$ LANGUAGE plpgsql;\\nSELECT tmp_fix(); | 3:3 delete-without-where ERROR DELETE without WHERE"
                + " removes every row of order_lines (inside function tmp_fix body, which this script calls at line 6)",
        // A PostgreSQL rule's action runs whenever the rule fires, like a trigger's body.
        "POSTGRESQL | CREATE RULE r AS ON INSERT TO t91 DO INSTEAD DELETE FROM t92; | 1:46 delete-without-where INFO"
                + " DELETE without WHERE removes every row of t92 (inside rule r body, which runs when it fires)",
        // pg_dump writes the language before the body: the body is then the statement's last token.
        "POSTGRESQL | CREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $$\\nBEGIN\\n  DELETE FROM t;\\nEND $$;\\n"
                + "SELECT purge(); | 3:3 delete-without-where ERROR DELETE without WHERE removes every row of t"
                + " (inside function purge body, which this script calls at line 5)",
        "POSTGRESQL | CREATE PROCEDURE wipe() LANGUAGE sql AS $$ DELETE FROM t $$;\\nCALL wipe(); | 1:44"
                + " delete-without-where ERROR DELETE without WHERE removes every row of t (inside procedure wipe body,"
                + " which this script calls at line 2)",
        // Not called: INFO.
        "MYSQL | DELIMITER $$\\nCREATE PROCEDURE tmp_fix() BEGIN DELETE FROM order_lines; END$$ | 2:34"
                + " delete-without-where INFO DELETE without WHERE removes every row of order_lines (inside"
                + " procedure tmp_fix body, which runs only when called)",
        // A trigger fires after the migration, when the table the script created holds the application's rows.
        "SQLITE | CREATE TABLE audit (id INTEGER PRIMARY KEY, user_id INTEGER);\\nCREATE TRIGGER users_ad AFTER DELETE"
                + " ON users\\nBEGIN\\n  DELETE FROM audit;\\nEND; | 4:3 delete-without-where INFO DELETE without WHERE"
                + " removes every row of audit (inside trigger users_ad body, which runs when it fires)",
        "SQLITE | CREATE TABLE audit (id INTEGER PRIMARY KEY);\\nDELETE FROM audit; | -",
        // The rename that starts an older-style SQLite rebuild frees the name only until the script creates it again.
        "SQLITE | ALTER TABLE notes RENAME TO _notes_old;\\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                + " | 1:19 rename-table INFO Renames table notes to _notes_old (guarded: table notes is created again"
                + " at line 2)",
        "POSTGRESQL | ALTER TABLE notes RENAME TO notes_old;\\nDO $$ BEGIN CREATE TABLE notes (id int); END $$; |"
                + " 1:19 rename-table INFO Renames table notes to notes_old (guarded: table notes is created again"
                + " at line 2)",
        "POSTGRESQL | CREATE TABLE notes_new (id int);\\nALTER TABLE notes RENAME TO notes_old;\\n"
                + "ALTER TABLE notes_new RENAME TO notes; | 2:19 rename-table INFO Renames table notes to notes_old"
                + " (guarded: table notes_new takes the name notes at line 3)",
        "POSTGRESQL | CREATE TABLE notes_new (id int);\\nALTER TABLE notes RENAME TO notes_old;\\n"
                + "ALTER TABLE notes_new RENAME TO notes_v2; | 2:19 rename-table WARNING Renames table notes to"
                + " notes_old",
        "SQLITE | ALTER TABLE notes RENAME TO _notes_old;\\nCREATE TEMP TABLE notes (id INTEGER PRIMARY KEY); |"
                + " 1:19 rename-table WARNING Renames table notes to _notes_old",
        "SQLITE | ALTER TABLE notes RENAME TO notes_v2;\\nCREATE TABLE notes_archive (id INTEGER PRIMARY KEY); |"
                + " 1:19 rename-table WARNING Renames table notes to notes_v2",
        // Once the rename freed the name, CREATE TABLE IF NOT EXISTS surely creates the table again.
        "SQLITE | ALTER TABLE notes RENAME TO _notes_old;\\nCREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY);"
                + " | 1:19 rename-table INFO Renames table notes to _notes_old (guarded: table notes is created again"
                + " at line 2)",
        "MYSQL | ALTER TABLE notes RENAME _notes_old;\\nCREATE TABLE IF NOT EXISTS notes (id INT); |"
                + " 1:19 rename-table INFO Renames table notes to _notes_old (guarded: table notes is created again"
                + " at line 2)",
        "SQLITE | ALTER TABLE notes RENAME TO _notes_old;\\nCREATE TEMP TABLE IF NOT EXISTS notes (id INTEGER); |"
                + " 1:19 rename-table WARNING Renames table notes to _notes_old",
        // SQLite's temp schema holds only the connection's temporary tables.
        "SQLITE | DROP TABLE IF EXISTS temp.import_rows; | -",
        "SQLITE | DROP TABLE IF EXISTS main.import_rows; | 1:1 drop-table ERROR DROP TABLE removes table"
                + " main.import_rows and all its rows",
        "POSTGRESQL | DROP TABLE temp.import_rows; | 1:1 drop-table ERROR DROP TABLE removes table temp.import_rows"
                + " and all its rows",
        // PostgreSQL's pg_temp schema is the session's own: its objects, and whatever came to depend on them, are
        // dropped when the migration's connection closes anyway.
        "POSTGRESQL | DROP TABLE IF EXISTS pg_temp.import_rows CASCADE; | -",
        "POSTGRESQL | DELETE FROM pg_temp.import_rows;\\nUPDATE PG_TEMP.import_rows SET n = 0; | -",
        "POSTGRESQL | DROP TYPE IF EXISTS pg_temp.row_numbers CASCADE; | -",
        "POSTGRESQL | DROP FUNCTION IF EXISTS pg_temp.renumber(int) CASCADE; | -",
        "AUTO | DROP TABLE pg_temp.import_rows; | -",
        "POSTGRESQL | DROP TYPE IF EXISTS app.row_numbers CASCADE; | 1:37 cascade WARNING DROP TYPE app.row_numbers"
                + " CASCADE also drops every column of this type in any table, with its values, and every other object"
                + " that depends on it",
        "MARIADB | CREATE OR REPLACE TABLE customers (id INT); | 1:1 drop-table ERROR CREATE OR REPLACE TABLE drops"
                + " the existing table customers and all its rows",
        "MARIADB | CREATE TABLE customers (id INT);\\nCREATE OR REPLACE TABLE customers (id INT); | -",
        "MARIADB | CREATE OR REPLACE TEMPORARY TABLE customers (id INT); | -",
        "ORACLE | DROP TABLESPACE app_data INCLUDING CONTENTS AND DATAFILES; | 1:1 drop-schema ERROR DROP TABLESPACE"
                + " app_data INCLUDING CONTENTS removes every table stored in the tablespace and all their rows",
        "ORACLE | DROP TABLESPACE app_data; | -",
        "AUTO | DROP TABLESPACE TS_OLD; | 1:1 drop-schema ERROR DROP TABLESPACE TS_OLD removes every table stored in"
                + " the tablespace and all their rows in Db2 (Oracle, PostgreSQL and MySQL refuse to drop a tablespace"
                + " that holds a table)",
        "POSTGRESQL | DROP TABLESPACE fast_ssd; | -",
        "MYSQL | DROP TABLESPACE ts1; | -",
        "AUTO | DROP TABLESPACE app_data INCLUDING CONTENTS; | 1:1 drop-schema ERROR DROP TABLESPACE"
                + " app_data INCLUDING CONTENTS removes every table stored in the tablespace and all their rows",
        "MYSQL | DELETE o FROM orders o LEFT JOIN refunds r ON o.id = r.order_id; | 1:1 delete-without-where ERROR"
                + " DELETE without WHERE removes every row of orders",
        "POSTGRESQL | DO $$\\nBEGIN\\n  DELETE FROM t;\\nEND $$; | 3:3 delete-without-where ERROR DELETE without"
                + " WHERE removes every row of t (inside DO block)",
        "ORACLE | BEGIN\\n  EXECUTE IMMEDIATE 'TRUNCATE TABLE t';\\nEND;\\n/ | 2:22 truncate-table ERROR TRUNCATE"
                + " removes every row of table t (inside PL/SQL block)",
        "POSTGRESQL | DO $$\\nBEGIN\\n  EXECUTE 'TRUNCATE t';\\nEND $$; | 3:12 truncate-table ERROR TRUNCATE removes"
                + " every row of table t (inside DO block)",
        "MYSQL | PREPARE st FROM 'DELETE FROM orders';\\nEXECUTE st;\\nDEALLOCATE PREPARE st; | 1:18 delete-without-where"
                + " ERROR DELETE without WHERE removes every row of orders (inside dynamic SQL)",
    })
    void findings(Dialect dialect, String sql, String expected) {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found(dialect, sql.replace("\\n", "\n")));
    }

    /**
     * A PostgreSQL function that returns trigger is a trigger's body: it fires after the migration, when the table
     * the script created holds the application's rows, so that table is no scratch table there (nor in a plain
     * function the script does not call, which is reported as one that runs only when called).
     */
    @Test
    void triggerFunctionRunsWhenItsTriggerFires() {
        assertEquals(List.of("4:3 delete-without-where INFO DELETE without WHERE removes every row of account_notes"
                + " (inside trigger function accounts_cleanup body, which runs when it fires)"),
                found(Dialect.POSTGRESQL, "CREATE TABLE account_notes (id bigint, account_id bigint);\n"
                        + "CREATE OR REPLACE FUNCTION accounts_cleanup() RETURNS trigger AS $$\nBEGIN\n"
                        + "  DELETE FROM account_notes;\n  RETURN OLD;\nEND;\n$$ LANGUAGE plpgsql;\n"
                        + "CREATE TRIGGER trg BEFORE DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION accounts_cleanup();"));
        // A parameter named p_returns does not make a plain function a trigger's; uncalled, it too runs after the
        // migration, when the table holds rows.
        assertEquals(List.of("2:54 delete-without-where INFO DELETE without WHERE removes every row of account_notes"
                + " (inside function f body, which runs only when called)"),
                found(Dialect.POSTGRESQL, "CREATE TABLE account_notes (id bigint);\n"
                + "CREATE FUNCTION f(p_returns text) RETURNS void AS $$ DELETE FROM account_notes $$ LANGUAGE sql;"));
    }

    /** A trigger function later in the script does not make the plain function before it a trigger's body. */
    @Test
    void plainFunctionBeforeATriggerFunctionRunsOnlyWhenCalled() {
        assertEquals(List.of("2:7 delete-without-where INFO DELETE without WHERE removes every row of archived_notes"
                + " (inside function purge_notes body, which runs only when called)",
                "4:3 delete-without-where INFO DELETE without WHERE removes every row of archived_notes"
                + " (inside trigger function notes_cleanup body, which runs when it fires)"),
                found(Dialect.POSTGRESQL, "CREATE FUNCTION purge_notes() RETURNS void AS $$\n"
                        + "BEGIN DELETE FROM archived_notes; END; $$ LANGUAGE plpgsql;\n"
                        + "CREATE FUNCTION notes_cleanup() RETURNS trigger AS $$ BEGIN\n"
                        + "  DELETE FROM archived_notes;\n  RETURN OLD;\nEND; $$ LANGUAGE plpgsql;"));
    }

    /** PostgreSQL's U&".." is one quoted name with Unicode escapes: the message names it, not a table U. */
    @Test
    void unicodeEscapedNameIsOneName() {
        assertEquals(List.of("1:1 delete-without-where ERROR DELETE without WHERE removes every row of"
                + " U&\"d\\0061ta_t\\0061ble\"", "2:1 drop-table ERROR DROP TABLE removes table U&\"!0441!043B\""
                + " and all its rows"),
                found(Dialect.POSTGRESQL, "DELETE FROM U&\"d\\0061ta_t\\0061ble\";\n"
                        + "DROP TABLE U&\"!0441!043B\" UESCAPE '!';"));
    }

    /** PostgreSQL lists several rule actions in parentheses; each is the rule's action, none a top-level statement. */
    @Test
    void everyActionOfAParenthesisedRuleListRunsWhenTheRuleFires() {
        assertEquals(List.of("3:3 delete-without-where INFO DELETE without WHERE removes every row of t92 (inside rule r"
                + " body, which runs when it fires)", "4:3 update-without-where INFO UPDATE without WHERE changes every"
                + " row of t93 (inside rule r body, which runs when it fires)"),
                found(Dialect.POSTGRESQL, "CREATE RULE r AS ON DELETE TO t91\nDO ALSO (\n  DELETE FROM t92;\n"
                        + "  UPDATE t93 SET a = NULL\n);"));
    }

    /** FLASHBACK TABLE to a point in time undoes every later change; TO BEFORE DROP only restores a table. */
    @Test
    void flashbackTableToAPointInTimeRewindsEveryRow() {
        String lost = " to an earlier state; what was inserted, updated or deleted since is lost";
        assertEquals(List.of("1:24 flashback-table ERROR FLASHBACK TABLE .. TO TIMESTAMP rewinds every row of table"
                + " orders" + lost), found(Dialect.ORACLE,
                "FLASHBACK TABLE orders TO TIMESTAMP SYSTIMESTAMP - INTERVAL '1' HOUR;"));
        assertEquals(List.of("3:3 flashback-table ERROR FLASHBACK TABLE .. TO SCN rewinds every row of tables"
                + " app.orders, order_lines" + lost), found(Dialect.ORACLE,
                "ALTER TABLE orders ENABLE ROW MOVEMENT;\nFLASHBACK TABLE app.orders, order_lines\n  TO SCN 4711;"));
        assertEquals(List.of("1:24 flashback-table ERROR FLASHBACK TABLE .. TO RESTORE POINT rewinds every row of"
                + " table orders" + lost), found(Dialect.ORACLE,
                "FLASHBACK TABLE orders TO RESTORE POINT before_release;"));
        assertEquals(List.of(), found(Dialect.ORACLE,
                "FLASHBACK TABLE orders TO BEFORE DROP RENAME TO orders_restored;"));
    }

    /**
     * The same for a column: a change of case in two steps through a free name reports the first step only, unless
     * the name it ends with is one code reads as the first (a round trip).
     */
    @Test
    void renamingAColumnOnFromANameAnEarlierRenameGaveBreaksNothing() {
        assertEquals(List.of("1:20 rename-column WARNING ALTER TABLE orders renames column \"shipTo\" to shipto_tmp",
                "2:20 rename-column INFO ALTER TABLE orders renames column shipto_tmp to shipto (guarded: column"
                        + " shipto_tmp got its name from the rename at line 1, so no code that runs yet uses it)"),
                found(Dialect.POSTGRESQL, "ALTER TABLE orders RENAME COLUMN \"shipTo\" TO shipto_tmp;\n"
                        + "ALTER TABLE orders RENAME COLUMN shipto_tmp TO shipto;"));
        assertEquals(List.of("1:20 rename-column INFO ALTER TABLE orders renames column a to b (guarded: the rename"
                        + " at line 2 gives column b back its name a, so code that uses the column keeps working)",
                "2:20 rename-column INFO ALTER TABLE orders renames column b to a (guarded: column b got its name"
                        + " from the rename at line 1, so no code that runs yet uses it)",
                "3:20 rename-column WARNING ALTER TABLE orders renames column a to b"),
                found(Dialect.POSTGRESQL, "ALTER TABLE orders RENAME COLUMN a TO b;\n"
                        + "ALTER TABLE orders RENAME COLUMN b TO a;\nALTER TABLE orders RENAME COLUMN a TO b;"),
                "the last rename takes away a, which the column had before the run, for good");
        assertEquals(List.of("1:20 rename-column WARNING ALTER TABLE orders renames column a to b",
                "2:22 rename-column WARNING ALTER TABLE invoices renames column b to c"),
                found(Dialect.POSTGRESQL, "ALTER TABLE orders RENAME COLUMN a TO b;\n"
                        + "ALTER TABLE invoices RENAME COLUMN b TO c;"),
                "another table's column of that name is not the one the rename named");
    }

    /** A rename away from a name the script itself gave a moment before breaks no code that runs yet. */
    @Test
    void renamingOnFromANameAnEarlierRenameGaveBreaksNothing() {
        assertEquals(List.of("1:27 rename-table INFO Renames table task_metadata to task_metadata_lc (guarded: table"
                + " task_metadata_lc takes the name task_metadata at line 2)", "2:30 rename-table INFO Renames table"
                + " task_metadata_lc to TASK_METADATA (guarded: table task_metadata_lc got its name from the rename at"
                + " line 1, so no code that runs yet uses it)"), found(Dialect.POSTGRESQL,
                "ALTER TABLE task_metadata RENAME TO task_metadata_lc;\nALTER TABLE task_metadata_lc RENAME TO"
                        + " TASK_METADATA;"));
        assertEquals(List.of("1:1 rename-table WARNING Renames table notes to notes_tmp", "2:1 drop-table ERROR DROP"
                + " TABLE removes table notes_tmp and all its rows", "3:1 rename-table WARNING Renames table notes_tmp"
                + " to notes_v2"), found(Dialect.MYSQL, "RENAME TABLE notes TO notes_tmp;\n"
                + "DROP TABLE IF EXISTS notes_tmp;\nRENAME TABLE notes_tmp TO notes_v2;"),
                "once dropped, the name no longer means the table the script renamed");
        assertEquals(List.of("1:1 rename-table INFO Renames table users to user (guarded: table user takes the name"
                + " users at line 2)", "2:1 rename-table INFO Renames table user to users (guarded: table users takes"
                + " the name user at line 3)", "3:1 rename-table WARNING Renames table users to user"),
                found(Dialect.MYSQL, "RENAME TABLE users TO user;\nRENAME TABLE user TO users;\n"
                        + "RENAME TABLE users TO user;"), "the name the table had before the run is taken away at last");
    }

    /** A second DROP TABLE of a table the script dropped already finds no table; the first one loses the rows. */
    @Test
    void droppingATableTheScriptDroppedAlreadyLosesNothing() {
        assertEquals(List.of("1:1 drop-table ERROR DROP TABLE removes table jobs and all its rows", "3:1 drop-table"
                + " INFO DROP TABLE removes table jobs and all its rows (guarded: table jobs was dropped at line 1 and"
                + " nothing has taken its name since)"), found(Dialect.AUTO, "DROP TABLE jobs;\n"
                + "DROP SEQUENCE jobs_seq;\nDROP TABLE jobs;"));
        assertEquals(List.of("1:1 drop-table ERROR DROP TABLE removes table jobs and all its rows",
                "2:1 rename-table WARNING Renames table jobs_v2 to jobs", "3:1 drop-table ERROR DROP TABLE removes"
                + " table jobs and all its rows"), found(Dialect.AUTO, "DROP TABLE jobs;\nRENAME jobs_v2 TO jobs;\n"
                + "DROP TABLE jobs;"), "a table renamed to the name has rows again");
        assertEquals(List.of("1:1 drop-table ERROR DROP TABLE removes table jobs and all its rows",
                "4:1 delete-without-where ERROR DELETE without WHERE removes every row of orders (the copy to jobs"
                + " at line 3 lists its columns, and sqlguard does not know every column of orders: those it leaves"
                + " out are lost)", "5:1 drop-table"
                + " ERROR DROP TABLE removes table jobs and all its rows: jobs holds the only copy of the rows of"
                + " orders, which line 4 deletes"),
                found(Dialect.MYSQL, "DROP TABLE jobs;\nCREATE TABLE IF NOT EXISTS jobs (id int);\n"
                        + "INSERT INTO jobs (id) SELECT o.id FROM orders o;\nDELETE FROM orders;\nDROP TABLE jobs;"),
                "CREATE TABLE IF NOT EXISTS after the drop makes the table again: its drop is of the script's table");
    }

    /** Oracle deletes from an inline view the rows of its table the view yields: the view's WHERE limits them. */
    @Test
    void deleteFromAnInlineViewIsLimitedByTheViewsWhere() {
        assertEquals(List.of(), found(Dialect.ORACLE, "DELETE FROM (SELECT ol.* FROM order_lines ol JOIN orders o"
                + " ON o.id = ol.order_id WHERE o.status = 'CANCELLED');"));
        assertEquals(List.of(), found(Dialect.ORACLE, "DELETE (SELECT * FROM order_lines) v WHERE v.qty = 0;"));
        assertEquals(List.of("1:1 delete-without-where ERROR DELETE without WHERE removes every row of order_lines"),
                found(Dialect.ORACLE, "DELETE FROM (SELECT * FROM order_lines);"));
        // Oracle's FROM is optional: the tokens read the view the same way, so nothing is left to the parser.
        assertEquals(List.of("1:1 delete-without-where ERROR DELETE without WHERE removes every row of order_lines"),
                found(Dialect.ORACLE, "DELETE (SELECT * FROM order_lines);"));
        assertEquals(List.of("1:1 delete-without-where ERROR DELETE without WHERE removes every row of order_lines"),
                found(Dialect.ORACLE, "DELETE (SELECT id FROM order_lines) v;"));
        assertEquals(List.of("2:3 always-true-where ERROR DELETE with an always-true WHERE removes every row of"
                + " order_lines", "2:3 unparsed-statement WARNING JSqlParser could not parse this statement (unexpected"
                + " \"(\" at line 2, column 15); it was checked from its tokens only"), found(Dialect.ORACLE,
                "-- clean up\n  DELETE FROM (SELECT * FROM order_lines WHERE 1 = 1 ORDER BY id);"));
    }

    /** Oracle updates through an inline view the rows of its table the view yields. */
    @Test
    void updateThroughAnInlineViewIsLimitedByTheViewsWhere() {
        assertEquals(List.of(), found(Dialect.ORACLE, "UPDATE (SELECT o.status, c.active FROM orders o JOIN customers c"
                + " ON c.id = o.customer_id WHERE c.active = 0) v SET v.status = 'CLOSED';"));
        assertEquals(List.of("1:1 update-without-where ERROR UPDATE without WHERE changes every row of orders"),
                found(Dialect.ORACLE, "UPDATE (SELECT status FROM orders) SET status = 'CLOSED';"));
    }

    /**
     * Oracle's join view changes only the rows of its key-preserved table that the inner join pairs, as MySQL's
     * UPDATE t1 JOIN t2 ON .. does; an outer or always-true join limits nothing.
     */
    @Test
    void changeThroughAJoinViewIsLimitedByTheJoin() {
        assertEquals(List.of(), found(Dialect.ORACLE, "UPDATE (SELECT o.status, s.state FROM orders o JOIN shipments s"
                + " ON s.order_id = o.id) SET status = state;"));
        assertEquals(List.of(), found(Dialect.ORACLE, "DELETE FROM (SELECT ol.* FROM order_lines ol"
                + " JOIN orders o ON o.id = ol.order_id ORDER BY ol.id);"));
        assertEquals(List.of("1:1 update-without-where ERROR UPDATE without WHERE changes every row of orders"),
                found(Dialect.ORACLE, "UPDATE (SELECT o.status, s.state FROM orders o LEFT JOIN shipments s"
                        + " ON s.order_id = o.id) SET status = 'CLOSED';"));
        assertEquals(List.of("1:1 update-without-where ERROR UPDATE joined on a condition true for every pair of rows"
                + " (a cross join) and without WHERE changes every row of orders"), found(Dialect.ORACLE,
                "UPDATE (SELECT o.status FROM orders o JOIN shipments s ON 1 = 1) SET status = 'CLOSED';"));
    }

    private static List<String> found(Dialect dialect, String sql) {
        List<Finding> findings = OneScript.findings(dialect, sql);
        return findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " "
                + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
    }
}
