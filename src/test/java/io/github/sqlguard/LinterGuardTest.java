package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A loss the script itself prevents is reported at INFO, naming the guard; a guard that is no guard is not. */
class LinterGuardTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER  | drop-table           | IF NOT EXISTS (SELECT 1 FROM audit_2019) DROP TABLE audit_2019                                   | runs only when audit_2019 is empty
            SQLSERVER  | drop-table           | IF NOT EXISTS (SELECT TOP 1 * FROM dbo.audit_2019) BEGIN DROP TABLE dbo.audit_2019 END           | runs only when dbo.audit_2019 is empty
            SQLSERVER  | truncate-table       | IF (SELECT COUNT(*) FROM audit_2019) = 0 TRUNCATE TABLE audit_2019                              | runs only when audit_2019 is empty
            SQLSERVER  | drop-column          | IF NOT EXISTS (SELECT 1 FROM [dbo].[orders] WHERE [note] IS NOT NULL) BEGIN ALTER TABLE [dbo].[orders] DROP COLUMN [note] END | runs only when no row of orders has a value in note
            SQLSERVER  | drop-column          | IF NOT EXISTS (SELECT TOP 1 * FROM orders WHERE note IS NOT NULL) ALTER TABLE orders DROP COLUMN note | runs only when no row of orders has a value in note
            SQLSERVER  | drop-column          | IF NOT EXISTS (SELECT 1 FROM orders WHERE note IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM orders WHERE memo IS NOT NULL) ALTER TABLE orders DROP COLUMN note | runs only when no row of orders has a value in note
            SQLSERVER  | update-without-where | IF NOT EXISTS (SELECT TOP(1) 1 FROM [dbo].[orders] WHERE [max_seats] IS NOT NULL) AND NOT EXISTS (SELECT TOP(1) 1 FROM [dbo].[orders] WHERE [notified] IS NOT NULL) BEGIN UPDATE [dbo].[orders] SET max_seats = seats END | runs only when no row of [dbo].[orders] has a value in max_seats
            SQLSERVER  | update-without-where | IF NOT EXISTS (SELECT 1 FROM orders WHERE max_seats IS NOT NULL) UPDATE orders SET max_seats = seats | runs only when no row of orders has a value in max_seats
            POSTGRESQL | drop-table           | DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM audit_2019) THEN DROP TABLE audit_2019; END IF; END $$; | runs only when audit_2019 is empty
            POSTGRESQL | drop-table           | DO $$ DECLARE n int; BEGIN SELECT count(*) INTO STRICT n FROM audit_2019; IF n = 0 THEN DROP TABLE audit_2019; END IF; END $$; | runs only when audit_2019 is empty
            POSTGRESQL | truncate-table       | DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM audit_2019; IF n > 0 THEN RAISE EXCEPTION 'audit_2019 has rows'; END IF; TRUNCATE audit_2019; END $$; | runs only when audit_2019 is empty
            POSTGRESQL | drop-table           | DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM audit_2019; IF n = 0 THEN /* nothing left -- safe */ DROP TABLE audit_2019; END IF; END $$; | runs only when audit_2019 is empty
            SQLSERVER  | drop-table           | IF NOT EXISTS (SELECT 1 FROM audit_2019) /* no rows: 'safe' */ DROP TABLE audit_2019             | runs only when audit_2019 is empty
            POSTGRESQL | drop-table           | DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM cleanup_records; IF n = 0 THEN DROP TABLE pg_catalog.cleanup_records; END IF; END $$; | runs only when pg_catalog.cleanup_records is empty
            POSTGRESQL | drop-table           | CREATE TABLE sessions_backup AS SELECT * FROM sessions; DROP TABLE sessions;                      | rows copied to sessions_backup at line 1
            POSTGRESQL | drop-table           | CREATE TABLE sessions_backup AS TABLE sessions; DROP TABLE sessions;                              | rows copied to sessions_backup at line 1
            POSTGRESQL | drop-table           | INSERT INTO sessions_backup TABLE sessions; DROP TABLE sessions;                                  | rows copied to sessions_backup at line 1
            MYSQL      | truncate-table       | INSERT INTO sessions_archive TABLE sessions; TRUNCATE TABLE sessions;                             | rows copied to sessions_archive at line 1
            MYSQL      | truncate-table       | INSERT INTO sessions_archive SELECT * FROM sessions; TRUNCATE TABLE sessions;                     | rows copied to sessions_archive at line 1
            SQLSERVER  | delete-without-where | SELECT * INTO sessions_backup FROM sessions; DELETE FROM sessions;                                | rows copied to sessions_backup at line 1
            ORACLE     | drop-table           | CREATE TABLE sessions_bak AS SELECT * FROM sessions; DROP TABLE sessions PURGE;                   | rows copied to sessions_bak at line 1
            MYSQL      | drop-table           | CREATE TABLE sessions_new SELECT * FROM sessions; DROP TABLE sessions;                            | rows copied to sessions_new at line 1
            MYSQL      | drop-table           | CREATE TABLE orders_new LIKE orders; INSERT INTO orders_new SELECT * FROM orders; RENAME TABLE orders TO orders_old, orders_new TO orders; DROP TABLE orders_old; | rows copied to orders_new at line 2, renamed to orders at line 3
            POSTGRESQL | drop-column          | ALTER TABLE orders ADD COLUMN tmp_flag INT; ALTER TABLE orders DROP COLUMN tmp_flag;              | column tmp_flag was added earlier in this script
            MARIADB    | drop-column          | ALTER TABLE orders ADD tmp_flag INT; ALTER TABLE orders DROP tmp_flag;                            | column tmp_flag was added earlier in this script
            AUTO       | update-without-where | ALTER TABLE orders ADD seats INTEGER; CALL SYSPROC.ADMIN_CMD('REORG TABLE orders'); UPDATE orders SET seats = 1; | column seats was added earlier in this script and nothing has written it since
            MYSQL      | drop-column          | ALTER TABLE orders ADD COLUMN tmp_flag INT, ALGORITHM=INPLACE, LOCK=NONE; ALTER TABLE orders DROP COLUMN tmp_flag, ALGORITHM=INPLACE, LOCK=NONE; | column tmp_flag was added earlier in this script
            """)
    void guardedLossIsInfoNamingTheGuard(Dialect dialect, String rule, String sql, String guard) throws IOException {
        List<Finding> findings = lint(dialect, sql.replace("; ", ";\n"), rule);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("(guarded: " + guard + ")"), findings.get(0).message());
    }

    /**
     * T-SQL needs no terminator: a backup by SELECT .. INTO on the line after a statement that holds no query (the
     * drop of an older backup, a PRINT, a DECLARE) is a statement of its own, and guards the loss after it.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            truncate-table       | IF OBJECT_ID('sessions_backup') IS NOT NULL DROP TABLE sessions_backup\\nSELECT * INTO sessions_backup FROM sessions\\nTRUNCATE TABLE sessions
            delete-without-where | PRINT 'backing up'\\nSELECT * INTO sessions_backup FROM sessions\\nDELETE FROM sessions
            drop-table           | DECLARE @n INT = 0\\nSELECT * INTO sessions_backup FROM sessions\\nDROP TABLE sessions
            """)
    void aBackupOnTheLineAfterAnUnterminatedStatementGuards(String rule, String sql) throws IOException {
        List<Finding> findings = lint(Dialect.SQLSERVER, sql.replace("\\n", "\n"), rule).stream()
                .filter(f -> f.location().line() == 3).toList();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("(guarded: rows copied to sessions_backup at line 2)"),
                findings.get(0).message());
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER  | drop-table     | IF EXISTS (SELECT 1 FROM audit_2019) DROP TABLE audit_2019
            SQLSERVER  | drop-table     | IF OBJECT_ID('audit_2019') IS NOT NULL DROP TABLE audit_2019
            SQLSERVER  | drop-table     | IF NOT EXISTS (SELECT 1 FROM audit_2019 WHERE year = 2019) DROP TABLE audit_2019
            SQLSERVER  | drop-table     | IF NOT EXISTS (SELECT 1 FROM other) DROP TABLE audit_2019
            SQLSERVER  | drop-column    | IF NOT EXISTS (SELECT 1 FROM orders WHERE note IS NOT NULL) ALTER TABLE orders DROP COLUMN memo
            SQLSERVER  | drop-column    | IF NOT EXISTS (SELECT 1 FROM other WHERE note IS NOT NULL) ALTER TABLE orders DROP COLUMN note
            SQLSERVER  | drop-column    | IF NOT EXISTS (SELECT 1 FROM orders WHERE note IS NULL) ALTER TABLE orders DROP COLUMN note
            SQLSERVER  | drop-column    | IF NOT EXISTS (SELECT 1 FROM orders WHERE note IS NOT NULL) OR @force = 1 ALTER TABLE orders DROP COLUMN note
            SQLSERVER  | update-without-where | IF NOT EXISTS (SELECT 1 FROM orders WHERE max_seats IS NOT NULL) UPDATE orders SET max_seats = seats, notified = 0
            SQLSERVER  | update-without-where | IF NOT EXISTS (SELECT 1 FROM orders WHERE max_seats IS NOT NULL) OR @force = 1 BEGIN UPDATE orders SET max_seats = seats END
            SQLSERVER  | update-without-where | IF NOT EXISTS (SELECT 1 FROM orders WHERE max_seats IS NOT NULL) BEGIN PRINT 'empty' END ELSE BEGIN UPDATE orders SET max_seats = seats END
            SQLSERVER  | update-without-where | IF NOT EXISTS (SELECT 1 FROM other WHERE max_seats IS NOT NULL) UPDATE orders SET max_seats = seats
            POSTGRESQL | drop-table     | DROP TABLE IF EXISTS audit_2019
            POSTGRESQL | drop-table     | DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM audit_2019; IF n > 0 THEN DROP TABLE audit_2019; END IF; END $$;
            POSTGRESQL | drop-table     | DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM audit_2019 WHERE year = 2019; IF n = 0 THEN DROP TABLE audit_2019; END IF; END $$;
            POSTGRESQL | drop-table     | DO $$ DECLARE n int; m int; BEGIN SELECT count(*) INTO n FROM audit_2019; IF m = 0 THEN DROP TABLE audit_2019; END IF; END $$;
            POSTGRESQL | drop-table     | DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM other; IF n = 0 THEN DROP TABLE audit_2019; END IF; END $$;
            POSTGRESQL | drop-table     | DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM audit_2019; IF n > 0 THEN RAISE NOTICE 'rows'; END IF; DROP TABLE audit_2019; END $$;
            POSTGRESQL | drop-table     | DO $$ BEGIN IF EXISTS (SELECT 1 FROM audit_2019) THEN DROP TABLE audit_2019; END IF; END $$;
            POSTGRESQL | drop-table     | CREATE TABLE sessions_backup AS SELECT * FROM sessions WHERE active; DROP TABLE sessions;
            POSTGRESQL | drop-table     | CREATE TABLE sessions_backup AS TABLE sessions WITH NO DATA; DROP TABLE sessions;
            POSTGRESQL | drop-table     | INSERT INTO sessions_backup TABLE sessions ON CONFLICT DO NOTHING; DROP TABLE sessions;
            H2         | drop-table     | CREATE TABLE sessions_backup AS SELECT * FROM sessions s WITH NO DATA; DROP TABLE sessions;
            MYSQL      | drop-table     | CREATE TABLE sessions_new SELECT * FROM sessions WHERE active = 1; DROP TABLE sessions;
            POSTGRESQL | drop-table     | CREATE TEMP TABLE sessions_backup AS SELECT * FROM sessions; DROP TABLE sessions;
            SQLSERVER  | drop-table     | SELECT * INTO #sessions FROM sessions; DROP TABLE sessions;
            MYSQL      | truncate-table | INSERT INTO sessions_archive SELECT * FROM other; TRUNCATE TABLE sessions;
            POSTGRESQL | drop-table     | CREATE TABLE sessions_backup AS SELECT * FROM sessions; DROP TABLE sessions_backup; DROP TABLE sessions;
            MYSQL      | truncate-table | INSERT INTO sessions_archive SELECT * FROM sessions; TRUNCATE TABLE sessions_archive; TRUNCATE TABLE sessions;
            MYSQL      | drop-table     | INSERT INTO sessions_archive SELECT * FROM sessions; DELETE FROM sessions_archive WHERE id > 10; DROP TABLE sessions;
            POSTGRESQL | drop-table     | CREATE TABLE sessions_backup AS SELECT * FROM sessions; INSERT INTO sessions (id) VALUES (7); DROP TABLE sessions;
            SQLITE     | delete-without-where | CREATE TABLE notes_new (id INTEGER); INSERT INTO notes_new SELECT * FROM notes; DROP TABLE notes; ALTER TABLE notes_new RENAME TO notes; DELETE FROM notes;
            MYSQL      | drop-column    | CREATE TABLE orders_new LIKE orders; INSERT INTO orders_new SELECT * FROM orders; RENAME TABLE orders TO orders_old, orders_new TO orders; ALTER TABLE orders DROP COLUMN note;
            MYSQL      | truncate-table | INSERT INTO orders_copy SELECT * FROM orders; RENAME TABLE orders TO orders_old, orders_copy TO orders; TRUNCATE TABLE orders;
            MYSQL      | drop-column    | ALTER TABLE orders ADD COLUMN shipped_at DATETIME, ALGORITHM=INPLACE, LOCK=NONE; ALTER TABLE orders DROP COLUMN lock;
            MYSQL      | drop-column    | ALTER TABLE orders ADD COLUMN shipped_at DATETIME, ALGORITHM INPLACE, LOCK NONE; ALTER TABLE orders DROP COLUMN algorithm;
            MYSQL      | update-without-where | ALTER TABLE orders ADD COLUMN seats INT; CALL fill_seats(); UPDATE orders SET seats = 0;
            POSTGRESQL | update-without-where | ALTER TABLE orders ADD COLUMN seats INT; CALL fill_seats(); UPDATE orders SET seats = 0;
            SQLSERVER  | update-without-where | ALTER TABLE orders ADD seats INT; EXEC fill_seats; UPDATE orders SET seats = 0;
            """)
    void noGuardNoChange(Dialect dialect, String rule, String sql) throws IOException {
        List<Finding> findings = lint(dialect, sql.replace("; ", ";\n"), rule);

        // One finding per destructive clause (two dropped columns make two), none lowered.
        assertFalse(findings.isEmpty(), "the statement is still reported");
        findings.forEach(f -> assertEquals(Severity.ERROR, f.severity(), f.message()));
    }

    /**
     * The table rebuild SQLite needs to change a column, as real projects write it: the copy lists the columns. It
     * guards the drop when it reads every column the earlier migrations gave the table, and only then.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders                 | INFO
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, IFNULL(color, '') FROM folders     | INFO
            SQLITE | INSERT INTO "new_folders" ("id", "name", "color") SELECT f."id", f.name, f.color FROM "folders" f | INFO
            MYSQL  | INSERT INTO new_folders SELECT `id`, `name`, `color` FROM `folders`                           | INFO
            SQLITE | INSERT INTO new_folders (id, name) SELECT id, name FROM folders                               | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, NULL AS color FROM folders         | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, 'red' color FROM folders           | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, CASE WHEN color IS NULL THEN 'none' ELSE 'some' END FROM folders | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, CASE color WHEN 'red' THEN 'r' ELSE 'x' END AS color FROM folders | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, color <> '' FROM folders            | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, length(f.color) FROM folders f     | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, CASE WHEN length(color) > 0 THEN color ELSE '' END FROM folders | INFO
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, concat(CASE WHEN id > 0 THEN 'x' ELSE 'y' END, color) FROM folders | INFO
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders WHERE id > 1    | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT DISTINCT id, name, color FROM folders        | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT f.id, f.name, o.color FROM folders f JOIN other o ON o.id = f.id | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders LIMIT 10        | ERROR
            SQLITE | INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM other                   | ERROR
            """)
    void columnListCopyOfEveryColumnGuardsTheRebuildDrop(Dialect dialect, String copy, Severity expected)
            throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT);\n",
                StandardCharsets.UTF_8);
        List<Finding> findings = lint(dialect, """
                CREATE TABLE new_folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT NOT NULL DEFAULT '');
                %s;
                DROP TABLE folders;
                ALTER TABLE new_folders RENAME TO folders;""".formatted(copy), "drop-table");

        assertEquals(1, findings.size(), findings.toString());
        Finding drop = findings.get(0);
        assertEquals(expected, drop.severity(), drop.message());
        assertEquals("3:1", drop.location().line() + ":" + drop.location().column());
        if (expected == Severity.INFO) {
            assertEquals("DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at"
                    + " line 2)", drop.message());
        }
    }

    /**
     * A rebuild whose copy forgets columns or rows stays an ERROR, and says which columns the copy left out or that
     * its WHERE left rows behind, since the author believes the rows were saved. A WHERE that names no column and
     * always holds ({@code WHERE true}, which SQLite asks of an {@code INSERT .. SELECT} with an upsert clause) leaves
     * no row behind.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO new_folders (id, name) SELECT id, name FROM folders | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 leaves out column color, whose values are lost)
            INSERT INTO new_folders (id) SELECT "id" FROM "folders" | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 leaves out columns name, color, whose values are lost)
            INSERT INTO new_folders (id, name, color) SELECT id, name, NULL AS color FROM folders | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 leaves out column color, whose values are lost)
            INSERT INTO new_folders (id, name, color) SELECT id, name, color IS NOT NULL FROM folders | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 leaves out column color, whose values are lost)
            INSERT OR IGNORE INTO new_folders (id, name, color) SELECT id, name, color FROM folders | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows that break no constraint of new_folders: INSERT OR IGNORE skips the others)
            INSERT IGNORE INTO new_folders SELECT * FROM folders | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows that break no constraint of new_folders: INSERT IGNORE skips the others)
            INSERT OR REPLACE INTO new_folders (id, name, color) SELECT id, name, color FROM folders | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows that no later row replaced: INSERT OR REPLACE keeps one row per unique key of new_folders)
            INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders ON CONFLICT DO NOTHING | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows that break no constraint of new_folders: ON CONFLICT DO NOTHING skips the others)
            INSERT INTO new_folders SELECT * FROM folders ON CONFLICT (name) DO NOTHING RETURNING id | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows that break no constraint of new_folders: ON CONFLICT DO NOTHING skips the others)
            INSERT INTO new_folders SELECT * FROM folders ON CONFLICT (name) DO UPDATE SET color = excluded.color | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows that no later row replaced: ON CONFLICT DO UPDATE keeps one row per unique key of new_folders)
            INSERT OR IGNORE INTO new_folders (id, name, color) SELECT id, name, color FROM folders WHERE id > 1 | DROP TABLE removes table folders and all its rows
            INSERT INTO new_folders (id, name) SELECT id, name FROM folders WHERE id > 1 | DROP TABLE removes table folders and all its rows (values of id, name copied to new_folders at line 2, only from the rows its WHERE selects; column color not copied to new_folders)
            INSERT INTO new_folders (id, name) SELECT id, name FROM folders WHERE id IS NOT NULL AND name IS NOT NULL | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 leaves out column color, whose values are lost)
            INSERT INTO new_folders (id, name) SELECT id, name FROM folders WHERE id IS NOT NULL AND color IS NOT NULL | DROP TABLE removes table folders and all its rows (values of id, name copied to new_folders at line 2, only from the rows its WHERE selects; column color not copied to new_folders)
            INSERT INTO new_folders SELECT * FROM folders WHERE color IS NOT NULL | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows its WHERE selects)
            INSERT INTO new_folders SELECT DISTINCT * FROM folders | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows its DISTINCT picks, one of each set of equal rows)
            INSERT INTO new_folders SELECT DISTINCT ON (name, color) * FROM folders ORDER BY name, color, id DESC | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows its DISTINCT ON picks, one per value of name, color)
            INSERT INTO new_folders (id, name, color) SELECT DISTINCT id, name, color FROM folders | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows its DISTINCT picks, one of each set of equal rows)
            INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders WHERE id > 1 | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows its WHERE selects)
            INSERT INTO new_folders SELECT * FROM folders | DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2)
            INSERT INTO new_folders SELECT f.* FROM folders f | DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2)
            INSERT INTO new_folders SELECT * FROM folders AS old | DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2)
            INSERT INTO new_folders SELECT x.* FROM folders f | DROP TABLE removes table folders and all its rows
            INSERT INTO new_folders SELECT * FROM folders LIMIT 10 | DROP TABLE removes table folders and all its rows
            INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders ORDER BY id | DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2)
            INSERT INTO new_folders (name, color) SELECT name, color FROM folders f ORDER BY lower(f.name), id DESC | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 leaves out column id, whose values are lost)
            INSERT INTO new_folders SELECT * FROM folders ORDER BY id | DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2)
            INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders ORDER BY id LIMIT 10 | DROP TABLE removes table folders and all its rows
            INSERT INTO new_folders SELECT * FROM folders ORDER BY (id) LIMIT 10 | DROP TABLE removes table folders and all its rows
            INSERT INTO new_folders SELECT * FROM folders ORDER BY id OFFSET 5 | DROP TABLE removes table folders and all its rows
            INSERT INTO new_folders SELECT * FROM folders WHERE true | DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2)
            INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders WHERE 1 | DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2)
            INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders WHERE (1 = 1) ORDER BY id | DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2)
            INSERT INTO new_folders (id, name, color) SELECT id, name, color FROM folders WHERE true ON CONFLICT DO NOTHING | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows that break no constraint of new_folders: ON CONFLICT DO NOTHING skips the others)
            INSERT INTO new_folders SELECT * FROM folders WHERE 1 ON CONFLICT (id) DO UPDATE SET name = excluded.name | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows that no later row replaced: ON CONFLICT DO UPDATE keeps one row per unique key of new_folders)
            INSERT INTO new_folders SELECT * FROM folders WHERE color = color | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows its WHERE selects)
            INSERT INTO new_folders SELECT * FROM folders WHERE 1 = 1 AND color IS NOT NULL | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows its WHERE selects)
            INSERT INTO new_folders SELECT * FROM folders WHERE 1 = 0 | DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 keeps only the rows its WHERE selects)
            """)
    void rebuildCopyThatLeavesOutColumnsNamesThem(String copy, String message) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT);\n",
                StandardCharsets.UTF_8);
        List<Finding> findings = lint(Dialect.SQLITE, """
                CREATE TABLE new_folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', color TEXT);
                %s;
                DROP TABLE folders;
                ALTER TABLE new_folders RENAME TO folders;""".formatted(copy), "drop-table");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("3:1 " + message, findings.get(0).location().line() + ":" + findings.get(0).location().column()
                + " " + findings.get(0).message());
    }

    /**
     * A DISTINCT copy by a column list of a table the migrations never created (a dedupe before a new key) still
     * loses the rows it merges and whatever columns the list leaves out: the drop of the table stays an ERROR and
     * says where the rows went and what the copy may have lost, as the same copy without DISTINCT does; so does a
     * copy through a WHERE or an inner join, as rebuilds that drop stale rows write it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO tmp_requests SELECT DISTINCT file_id, user_id FROM requests | DROP TABLE removes table requests and all its rows (the copy to tmp_requests at line 2 keeps only the rows its DISTINCT picks, one of each set of equal rows, and lists its columns; sqlguard does not know every column of requests: those it leaves out are lost)
            INSERT INTO tmp_requests (file_id, user_id) SELECT DISTINCT ON (file_id) file_id, user_id FROM requests ORDER BY file_id, user_id | DROP TABLE removes table requests and all its rows (the copy to tmp_requests at line 2 keeps only the rows its DISTINCT ON picks, one per value of file_id, and lists its columns; sqlguard does not know every column of requests: those it leaves out are lost)
            INSERT INTO tmp_requests SELECT file_id, user_id FROM requests | DROP TABLE removes table requests and all its rows (the copy to tmp_requests at line 2 lists its columns, and sqlguard does not know every column of requests: those it leaves out are lost)
            INSERT INTO tmp_requests SELECT DISTINCT file_id, user_id FROM requests WHERE user_id > 1 | DROP TABLE removes table requests and all its rows (the copy to tmp_requests at line 2 keeps only the rows its DISTINCT picks, one of each set of equal rows, among those its WHERE selects, and lists its columns; sqlguard does not know every column of requests: those it leaves out are lost)
            INSERT INTO tmp_requests SELECT file_id, user_id FROM requests WHERE NOT deleted | DROP TABLE removes table requests and all its rows (the copy to tmp_requests at line 2 keeps only the rows its WHERE selects, and lists its columns; sqlguard does not know every column of requests: those it leaves out are lost)
            INSERT INTO tmp_requests SELECT r.file_id, r.user_id FROM requests r JOIN files f USING (file_id) | DROP TABLE removes table requests and all its rows (the copy to tmp_requests at line 2 keeps only the rows its join with files matches, and lists its columns; sqlguard does not know every column of requests: those it leaves out are lost)
            """)
    void narrowedCopyOfUnknownTableSaysWhatItKept(String copy, String message) throws IOException {
        List<Finding> findings = lint(Dialect.POSTGRESQL, """
                CREATE TABLE tmp_requests (file_id bigint NOT NULL, user_id int);
                %s;
                DROP TABLE requests;
                ALTER TABLE tmp_requests RENAME TO requests;""".formatted(copy), "drop-table");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("3:1 " + message, findings.get(0).location().line() + ":" + findings.get(0).location().column()
                + " " + findings.get(0).message());
    }

    /**
     * A later copy of some of the rows (a side table filled through a join) does not take the place of an earlier
     * copy of every row in what the drop of their source says: the copy of every row says where the rows went.
     */
    @Test
    void aCopyOfSomeRowsAfterACopyOfEveryRowLeavesTheNoteOfTheWholeCopy() throws IOException {
        List<Finding> findings = lint(Dialect.POSTGRESQL, """
                CREATE TABLE tmp_requests (file_id bigint NOT NULL, user_id int);
                CREATE TABLE tmp_owners (file_id bigint NOT NULL, owner int);
                INSERT INTO tmp_requests SELECT file_id, user_id FROM requests;
                INSERT INTO tmp_owners SELECT r.file_id, f.owner FROM requests r JOIN files f USING (file_id);
                DROP TABLE requests;""", "drop-table");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("DROP TABLE removes table requests and all its rows (the copy to tmp_requests at line 3 lists "
                + "its columns, and sqlguard does not know every column of requests: those it leaves out are lost)",
                findings.get(0).message());
    }

    /**
     * A copy of every row that leaves out some columns says so only on the findings that lose one of them: a DROP
     * TABLE or TRUNCATE loses every column left out, a DROP COLUMN only the columns it drops. Dropping only columns
     * the copy kept is guarded as a full copy would guard it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE t DROP COLUMN nid       | drop-column    | 2:15 INFO ALTER TABLE t drops column nid (guarded: values of nid copied to t2 at line 1)
            ALTER TABLE t DROP COLUMN v         | drop-column    | 2:15 ERROR ALTER TABLE t drops column v (the copy to t2 at line 1 leaves out column v, whose values are lost)
            ALTER TABLE t DROP COLUMN nid, DROP COLUMN id | drop-column | 2:15 INFO ALTER TABLE t drops column nid (guarded: values of nid copied to t2 at line 1), 2:32 INFO ALTER TABLE t drops column id (guarded: values of id copied to t2 at line 1)
            ALTER TABLE t DROP COLUMN nid, DROP COLUMN v | drop-column | 2:15 ERROR ALTER TABLE t drops column nid, 2:32 ERROR ALTER TABLE t drops column v (the copy to t2 at line 1 leaves out column v, whose values are lost)
            ALTER TABLE t DROP COLUMN w, DROP COLUMN v | drop-column | 2:15 ERROR ALTER TABLE t drops column w (the copy to t2 at line 1 leaves out columns w, v, whose values are lost), 2:30 ERROR ALTER TABLE t drops column v (the copy to t2 at line 1 leaves out columns w, v, whose values are lost)
            TRUNCATE TABLE t                    | truncate-table | 2:1 ERROR TRUNCATE removes every row of table t (the copy to t2 at line 1 leaves out columns v, w, whose values are lost)
            """)
    void incompleteCopyNoteNamesOnlyTheColumnsTheStatementLoses(String destroy, String rule, String expected)
            throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE t (id INT PRIMARY KEY, nid INT, v INT, w INT);\n"
                + "CREATE TABLE t2 (id INT PRIMARY KEY, nid INT);\n", StandardCharsets.UTF_8);
        List<Finding> findings = lint(Dialect.POSTGRESQL, """
                INSERT INTO t2 (id, nid) SELECT id, nid FROM t;
                %s;""".formatted(destroy), rule);

        assertEquals(expected, String.join(", ", findings.stream().map(f -> f.location().line() + ":"
                + f.location().column() + " " + f.severity() + " " + f.message()).toList()));
    }

    /**
     * A rebuild that moves a column into a table of its own (the column with the primary key, from every row that
     * has a value in it) loses nothing by leaving it out of the rebuilt table; a move that leaves rows with values
     * behind, or carries no key to tell whose value it was, still loses it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO folder_colors (folder_id, color) SELECT id, color FROM folders WHERE color IS NOT NULL | INFO DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2, column color to folder_colors at line 3)
            INSERT INTO folder_colors (folder_id, color) SELECT id, color FROM folders | INFO DROP TABLE removes table folders and all its rows (guarded: rows copied to new_folders at line 2, column color to folder_colors at line 3)
            INSERT INTO folder_colors (folder_id, color) SELECT id, color FROM folders WHERE name = 'x' | ERROR DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 leaves out column color, whose values are lost)
            INSERT INTO folder_colors (color) SELECT color FROM folders WHERE color IS NOT NULL | ERROR DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 leaves out column color, whose values are lost)
            INSERT INTO folder_colors (folder_id, name) SELECT id, name FROM folders | ERROR DROP TABLE removes table folders and all its rows (the copy to new_folders at line 2 leaves out column color, whose values are lost)
            """)
    void rebuildThatMovesTheLeftOutColumnElsewhereIsGuarded(String move, String expected) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT);\n"
                + "CREATE TABLE folder_colors (folder_id INTEGER, color TEXT, name TEXT);\n", StandardCharsets.UTF_8);
        List<Finding> findings = lint(Dialect.SQLITE, """
                CREATE TABLE new_folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                INSERT INTO new_folders (id, name) SELECT id, name FROM folders;
                %s;
                DROP TABLE folders;
                ALTER TABLE new_folders RENAME TO folders;""".formatted(move), "drop-table");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("4:1 " + expected, findings.get(0).location().line() + ":" + findings.get(0).location().column()
                + " " + findings.get(0).severity() + " " + findings.get(0).message());
    }

    /**
     * Clearing a column whose values the script first moved, with their rows' key, into another table loses
     * nothing; clearing it when the move carried no key, left rows with values behind, or rows came in after the
     * move, still does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO secrets (user_id, secret) SELECT u.id, u.totp FROM users u WHERE u.totp IS NOT NULL | - | INFO UPDATE without WHERE changes every row of users (guarded: values of totp copied to secrets at line 1)
            INSERT INTO secrets (user_id, secret) SELECT id, totp FROM users | - | INFO UPDATE without WHERE changes every row of users (guarded: values of totp copied to secrets at line 1)
            INSERT INTO secrets (secret) SELECT totp FROM users WHERE totp IS NOT NULL | - | ERROR UPDATE without WHERE changes every row of users
            INSERT INTO secrets (user_id, secret) SELECT id, totp FROM users WHERE id > 10 | - | ERROR UPDATE without WHERE changes every row of users
            INSERT INTO secrets (user_id, secret) SELECT id, totp FROM users | INSERT INTO users (id, totp) VALUES (1, 'x') | ERROR UPDATE without WHERE changes every row of users
            """)
    void clearingValuesMovedElsewhereIsGuarded(String move, String between, String expected) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, totp TEXT);\n"
                + "CREATE TABLE secrets (user_id INTEGER, secret TEXT);\n", StandardCharsets.UTF_8);
        List<Finding> findings = lint(Dialect.SQLITE, move + ";\n" + ("-".equals(between) ? "SELECT 1" : between)
                + ";\nUPDATE users SET totp = NULL;", "update-without-where");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("3:1 " + expected, findings.get(0).location().line() + ":" + findings.get(0).location().column()
                + " " + findings.get(0).severity() + " " + findings.get(0).message());
    }

    /**
     * Dropping a column whose values the script first moved, with their rows' key, into another table loses
     * nothing; dropping it beside a column the move left behind, after a move without the key, one that left rows
     * with values behind, or after rows came in, still does.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO links (id, site_id, slug) SELECT gen_random_uuid(), s.id, s.share_code FROM sites s WHERE s.share_code IS NOT NULL | ALTER TABLE sites DROP COLUMN share_code | INFO ALTER TABLE sites drops column share_code (guarded: values of share_code copied to links at line 1)
            INSERT INTO links (site_id, slug) SELECT id, share_code FROM sites WHERE share_code IS NOT NULL | ALTER TABLE sites DROP COLUMN share_code, DROP COLUMN title | ERROR ALTER TABLE sites drops column share_code (values of share_code copied to links at line 1 with their rows' key, but the statement also drops title, which no copy took) ## ERROR ALTER TABLE sites drops column title
            INSERT INTO links (slug) SELECT share_code FROM sites WHERE share_code IS NOT NULL | ALTER TABLE sites DROP COLUMN share_code | ERROR ALTER TABLE sites drops column share_code (values of share_code copied to links at line 1, without the key of sites beside them)
            INSERT INTO links (site_id, slug) SELECT id, share_code FROM sites WHERE share_code IS NOT NULL; TRUNCATE links | ALTER TABLE sites DROP COLUMN share_code | ERROR ALTER TABLE sites drops column share_code
            INSERT INTO links (site_id, slug) SELECT id, share_code FROM sites WHERE title = 'x' | ALTER TABLE sites DROP COLUMN share_code | ERROR ALTER TABLE sites drops column share_code (values of share_code copied to links at line 1, only from the rows its WHERE selects)
            INSERT INTO links (site_id, slug) SELECT id, share_code FROM sites WHERE share_code IS NOT NULL; INSERT INTO sites (id, share_code) VALUES ('a', 'b') | ALTER TABLE sites DROP COLUMN share_code | ERROR ALTER TABLE sites drops column share_code
            """)
    void droppingAColumnMovedElsewhereIsGuarded(String move, String drop, String expected) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE sites (id UUID PRIMARY KEY, title TEXT, share_code TEXT);\n"
                + "CREATE TABLE links (id UUID, site_id UUID, slug TEXT, title TEXT);\n", StandardCharsets.UTF_8);
        List<String> findings = lint(Dialect.POSTGRESQL, move.replace("; ", ";\n") + ";\n" + drop + ";", "drop-column")
                .stream().map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(expected, String.join(" ## ", findings));
    }

    /**
     * A flag that cannot be NULL, moved as the set of keys whose rows have it set (a table of public sites filled
     * {@code WHERE is_public = TRUE}), survives in that set; a flag that may be NULL, a column that is no flag, a
     * second condition or a copy without the key loses values, and so does another column the copy reads, which the
     * rows left out still hold.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO public_sites (site_id) SELECT id FROM sites WHERE is_public = TRUE | ALTER TABLE sites DROP COLUMN is_public | INFO ALTER TABLE sites drops column is_public (guarded: values of is_public copied to public_sites at line 1)
            INSERT INTO public_sites (site_id) SELECT s.id FROM sites s WHERE s.is_public IS FALSE | ALTER TABLE sites DROP COLUMN is_public | INFO ALTER TABLE sites drops column is_public (guarded: values of is_public copied to public_sites at line 1)
            INSERT INTO public_sites (site_id) SELECT id FROM sites WHERE NOT is_public | ALTER TABLE sites DROP COLUMN is_public | INFO ALTER TABLE sites drops column is_public (guarded: values of is_public copied to public_sites at line 1)
            INSERT INTO public_sites (site_id) SELECT id FROM sites WHERE archived = TRUE | ALTER TABLE sites DROP COLUMN archived | ERROR ALTER TABLE sites drops column archived
            INSERT INTO public_sites (site_id) SELECT id FROM sites WHERE tier = 1 | ALTER TABLE sites DROP COLUMN tier | ERROR ALTER TABLE sites drops column tier
            INSERT INTO public_sites (site_id) SELECT id FROM sites WHERE is_public = TRUE AND tier = 1 | ALTER TABLE sites DROP COLUMN is_public | ERROR ALTER TABLE sites drops column is_public
            INSERT INTO public_sites (site_id) SELECT tier FROM sites WHERE is_public = TRUE | ALTER TABLE sites DROP COLUMN is_public | ERROR ALTER TABLE sites drops column is_public
            INSERT INTO public_sites (site_id) SELECT id FROM sites WHERE is_public = TRUE; INSERT INTO sites (id, is_public, tier) VALUES (9, TRUE, 1) | ALTER TABLE sites DROP COLUMN is_public | ERROR ALTER TABLE sites drops column is_public
            INSERT INTO public_sites (site_id, tier) SELECT id, tier FROM sites WHERE is_public = TRUE | ALTER TABLE sites DROP COLUMN tier | ERROR ALTER TABLE sites drops column tier (values of tier copied to public_sites at line 1, only from the rows its WHERE selects)
            INSERT INTO public_sites (site_id, tier) SELECT id, tier FROM sites WHERE is_public = TRUE | ALTER TABLE sites DROP COLUMN is_public | INFO ALTER TABLE sites drops column is_public (guarded: values of is_public copied to public_sites at line 1)
            """)
    void droppingAFlagMovedAsTheKeysItSelectsIsGuarded(String move, String drop, String expected) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE sites (id INT PRIMARY KEY, is_public BOOLEAN NOT NULL, archived BOOLEAN,"
                + " tier INT NOT NULL);\nCREATE TABLE public_sites (site_id INT PRIMARY KEY, tier INT);\n",
                StandardCharsets.UTF_8);
        List<String> findings = lint(Dialect.POSTGRESQL, move.replace("; ", ";\n") + ";\n" + drop + ";", "drop-column")
                .stream().map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(expected, String.join(" ## ", findings));
    }

    /**
     * SQL Server rebuilds a table with {@code SELECT <columns> INTO new FROM old}, batches apart: a list that reads
     * every column guards the drop as {@code SELECT *} does, one that leaves columns out names them, and a copy into
     * a {@code #temp} table, gone with the session, guards nothing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT Id, Sku, [Price], Note INTO dbo.Product_New FROM dbo.Product | INFO DROP TABLE removes table dbo.Product and all its rows (guarded: rows copied to dbo.Product_New at line 1)
            SELECT p.Id, p.Sku, p.Price, p.Note INTO dbo.Product_New FROM dbo.Product AS p | INFO DROP TABLE removes table dbo.Product and all its rows (guarded: rows copied to dbo.Product_New at line 1)
            SELECT Id, Sku, Price INTO dbo.Product_New FROM dbo.Product | ERROR DROP TABLE removes table dbo.Product and all its rows (the copy to dbo.Product_New at line 1 leaves out column Note, whose values are lost)
            SELECT Id, Sku, Price, Note INTO dbo.Product_New FROM dbo.Product WHERE Price > 0 | ERROR DROP TABLE removes table dbo.Product and all its rows (the copy to dbo.Product_New at line 1 keeps only the rows its WHERE selects)
            SELECT Id, Sku, Price, Note INTO #Product FROM dbo.Product | ERROR DROP TABLE removes table dbo.Product and all its rows (rows copied to #Product at line 1, a temporary table whose rows go when the session ends, and no later statement copies them on)
            SELECT TOP 10 Id, Sku, Price, Note INTO dbo.Product_New FROM dbo.Product | ERROR DROP TABLE removes table dbo.Product and all its rows
            """)
    void tsqlSelectIntoWithAColumnListIsACopy(String copy, String expected) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE dbo.Product (Id INT IDENTITY PRIMARY KEY, Sku VARCHAR(40) NOT NULL,"
                + " Price DECIMAL(18,4) NOT NULL, Note NVARCHAR(MAX))\nGO\n", StandardCharsets.UTF_8);
        List<Finding> findings = lint(Dialect.SQLSERVER, copy + "\nGO\nDROP TABLE dbo.Product\nGO", "drop-table");

        assertEquals(1, findings.size(), findings.toString());
        Finding drop = findings.get(0);
        assertEquals("3:1 " + expected, drop.location().line() + ":" + drop.location().column() + " "
                + drop.severity() + " " + drop.message());
    }

    /** In a PL/pgSQL block SELECT .. INTO fills variables: it copies no table and guards no drop. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DO $$ DECLARE a int; b text; c text; BEGIN SELECT id, name, color INTO a, b, c FROM folders; DROP TABLE folders; END $$;
            DO $$ DECLARE r record; BEGIN SELECT id, name, color INTO r FROM folders; DROP TABLE folders; END $$;
            DO $$ DECLARE r record; BEGIN SELECT * INTO r FROM folders; DROP TABLE folders; END $$;
            """)
    void selectIntoVariablesInABlockIsNoCopy(String block) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT);\n",
                StandardCharsets.UTF_8);
        List<Finding> findings = lint(Dialect.POSTGRESQL, block, "drop-table");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.ERROR, findings.get(0).severity(), findings.get(0).message());
    }

    /**
     * Scripts that move values into a column they add, as many projects write them: the UPDATE that fills the new
     * column overwrites nothing, the old column's values survive in the copy, and the new column's name is used by
     * no running code yet. Each line: the statement's line, rule and expected severity, and the guard the message
     * names.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE post_aggregates ADD COLUMN newest_comment_time timestamp NOT NULL DEFAULT now(); UPDATE post_aggregates SET newest_comment_time = newest_comment_time_necro; | 2:1 update-without-where INFO column newest_comment_time was added earlier in this script and nothing has written it since
            H2         | ALTER TABLE ResourcePolicy ADD COLUMN owner_object UUID; UPDATE ResourcePolicy SET owner_object = (SELECT eperson.uuid FROM eperson WHERE ResourcePolicy.resource_id = eperson.eperson_id AND ResourcePolicy.resource_type_id = 7); UPDATE ResourcePolicy SET owner_object = (SELECT item.uuid FROM item WHERE ResourcePolicy.resource_id = item.item_id AND ResourcePolicy.resource_type_id = 2); | 2:1 update-without-where INFO column owner_object was added earlier in this script and nothing has written it since, 3:1 update-without-where ERROR
            ORACLE     | alter table job_task add SUSPENDED_ integer; UPDATE job_task T SET T.SUSPENDED_ = (SELECT SUSPENDED_ FROM job E WHERE E.ID_ = T.JOB_ID_); | 2:1 update-without-where INFO column SUSPENDED_ was added earlier in this script and nothing has written it since
            ORACLE     | alter table ACT_HI_PROCINST add REV_ INTEGER default 1; update ACT_HI_PROCINST set REV_ = 1; | 2:1 update-without-where INFO column REV_ was added earlier in this script and nothing has written it since
            POSTGRESQL | ALTER TABLE local_site ADD COLUMN registration_mode registration_mode_enum NOT NULL DEFAULT 'require_application'; WITH subquery AS (SELECT open_registration, CASE WHEN open_registration THEN 'open' ELSE 'closed' END AS mode FROM local_site) UPDATE local_site SET registration_mode = subquery.mode::registration_mode_enum FROM subquery; | 2:128 update-without-where INFO column registration_mode was added earlier in this script and nothing has written it since
            POSTGRESQL | ALTER TABLE modlog_combined ADD COLUMN mod_lock_post_id_new int, ADD COLUMN mod_ban_id_new int; UPDATE modlog_combined SET (mod_lock_post_id_new, mod_ban_id_new) = (mod_lock_post_id, mod_ban_id); ALTER TABLE modlog_combined DROP COLUMN mod_lock_post_id, DROP COLUMN mod_ban_id; ALTER TABLE modlog_combined RENAME COLUMN mod_lock_post_id_new TO mod_lock_post_id; | 2:1 update-without-where INFO columns mod_lock_post_id_new, mod_ban_id_new were added earlier in this script and nothing has written them since, 3:29 drop-column INFO values of mod_lock_post_id copied to mod_lock_post_id_new at line 2, 3:59 drop-column INFO values of mod_ban_id copied to mod_ban_id_new at line 2, 4:29 rename-column INFO column mod_lock_post_id_new was added earlier in this script
            MYSQL      | ALTER TABLE ACT_HI_TASKINST ADD DUE_DATE_TEMP_ datetime(3); UPDATE ACT_HI_TASKINST SET DUE_DATE_TEMP_ = DUE_DATE_; ALTER TABLE ACT_HI_TASKINST DROP COLUMN DUE_DATE_; ALTER TABLE ACT_HI_TASKINST CHANGE DUE_DATE_TEMP_ DUE_DATE_ datetime(3); | 2:1 update-without-where INFO column DUE_DATE_TEMP_ was added earlier in this script and nothing has written it since, 3:29 drop-column INFO values of DUE_DATE_ copied to DUE_DATE_TEMP_ at line 2, 4:29 rename-column INFO column DUE_DATE_TEMP_ was added earlier in this script
            POSTGRESQL | ALTER TABLE "Org" ADD COLUMN "isAIToolsEnabled" BOOLEAN; UPDATE "Org" SET "isAIToolsEnabled" = "isAIEnabled"; ALTER TABLE "Org" DROP COLUMN "isAIEnabled"; | 2:1 update-without-where INFO column isAIToolsEnabled was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of isAIEnabled copied to isAIToolsEnabled at line 2
            H2         | ALTER TABLE requestitem ALTER COLUMN item_id rename to item_legacy_id; ALTER TABLE requestitem ADD COLUMN item_id UUID; UPDATE requestitem SET item_id = (SELECT item.uuid FROM item WHERE requestitem.item_legacy_id = item.item_id); ALTER TABLE requestitem DROP COLUMN item_legacy_id; | 1:25 rename-column WARNING, 3:1 update-without-where INFO column item_id was added earlier in this script and nothing has written it since, 4:25 drop-column ERROR
            POSTGRESQL | ALTER TABLE orders ADD COLUMN status_code INT; INSERT INTO orders (id, status_code) VALUES (1, 5); UPDATE orders SET status_code = 0; | 3:1 update-without-where ERROR
            POSTGRESQL | ALTER TABLE orders ADD COLUMN status_code INT; UPDATE orders SET status_code = 1, status = 'open'; | 2:1 update-without-where ERROR
            POSTGRESQL | ALTER TABLE orders ADD COLUMN total_new INT; UPDATE orders SET total_new = total WHERE id > 10; ALTER TABLE orders DROP COLUMN total; | 3:20 drop-column ERROR
            SQLITE     | ALTER TABLE invoices ADD COLUMN ref_required TEXT NOT NULL DEFAULT ''; UPDATE invoices SET ref_required = ref WHERE ref IS NOT NULL; ALTER TABLE invoices DROP COLUMN ref; ALTER TABLE invoices RENAME COLUMN ref_required TO ref; | 3:22 drop-column INFO values of ref copied to ref_required at line 2, 4:22 rename-column INFO column ref_required was added earlier in this script
            POSTGRESQL | ALTER TABLE invoices ADD COLUMN ref_new TEXT; UPDATE invoices i SET ref_new = ref WHERE i.ref IS NOT NULL AND ref IS NOT NULL; ALTER TABLE invoices DROP COLUMN ref; | 3:22 drop-column INFO values of ref copied to ref_new at line 2
            POSTGRESQL | ALTER TABLE invoices ADD COLUMN ref_new TEXT; UPDATE invoices SET ref_new = ref WHERE ref IS NOT NULL AND paid IS NOT NULL; ALTER TABLE invoices DROP COLUMN ref; | 3:22 drop-column ERROR
            POSTGRESQL | ALTER TABLE invoices ADD COLUMN ref_new TEXT; UPDATE invoices SET ref_new = ref WHERE paid IS NOT NULL; ALTER TABLE invoices DROP COLUMN ref; | 3:22 drop-column ERROR
            POSTGRESQL | ALTER TABLE invoices ADD COLUMN ref_new TEXT; UPDATE invoices SET ref_new = ref WHERE ref IS NOT NULL OR paid; ALTER TABLE invoices DROP COLUMN ref; | 3:22 drop-column ERROR
            POSTGRESQL | ALTER TABLE invoices ADD COLUMN ref_new TEXT; UPDATE invoices SET ref_new = ref WHERE other.ref IS NOT NULL; ALTER TABLE invoices DROP COLUMN ref; | 3:22 drop-column ERROR
            SQLITE     | ALTER TABLE sessions RENAME COLUMN token TO old_token; ALTER TABLE sessions ADD COLUMN token varchar(39) NULL; UPDATE sessions SET token = old_token WHERE true; ALTER TABLE sessions DROP COLUMN old_token; | 1:22 rename-column INFO column token is added again at line 2 and every value copied back at line 3, 3:1 always-true-where INFO column token was added earlier in this script and nothing has written it since, 4:22 drop-column INFO values of old_token copied to token at line 3
            POSTGRESQL | ALTER TABLE errors RENAME COLUMN seen_at TO _seen_at_tmp; ALTER TABLE errors ADD COLUMN seen_at timestamp; UPDATE errors SET seen_at = _seen_at_tmp; ALTER TABLE errors DROP COLUMN _seen_at_tmp; | 1:20 rename-column INFO column seen_at is added again at line 2 and every value copied back at line 3, 3:1 update-without-where INFO column seen_at was added earlier in this script and nothing has written it since, 4:20 drop-column INFO values of _seen_at_tmp copied to seen_at at line 3
            POSTGRESQL | ALTER TABLE errors RENAME COLUMN seen_at TO _seen_at_tmp; ALTER TABLE errors ADD COLUMN seen_at timestamp; UPDATE errors SET seen_at = _seen_at_tmp WHERE id > 9; | 1:20 rename-column WARNING
            POSTGRESQL | ALTER TABLE errors RENAME COLUMN seen_at TO _seen_at_tmp; ALTER TABLE notes ADD COLUMN seen_at timestamp; UPDATE errors SET seen_at = _seen_at_tmp WHERE id > 9; | 1:20 rename-column WARNING
            POSTGRESQL | ALTER TABLE orders ADD COLUMN total_new INT; UPDATE orders SET total_new = total; UPDATE orders SET total_new = 0 WHERE id = 1; ALTER TABLE orders DROP COLUMN total; | 2:1 update-without-where INFO column total_new was added earlier in this script and nothing has written it since, 4:20 drop-column ERROR
            MYSQL      | ALTER TABLE conn ADD config TEXT; UPDATE conn SET config = JSON_OBJECT('host', host, 'port', port, 'tls', 1); ALTER TABLE conn DROP COLUMN host, DROP COLUMN port; | 2:1 update-without-where INFO column config was added earlier in this script and nothing has written it since, 3:18 drop-column INFO values of host copied to config at line 2, 3:36 drop-column INFO values of port copied to config at line 2
            POSTGRESQL | ALTER TABLE conn ADD COLUMN config jsonb; UPDATE conn SET config = jsonb_build_object('host', host, 'port', port + 0); ALTER TABLE conn DROP COLUMN host, DROP COLUMN port; | 2:1 update-without-where INFO column config was added earlier in this script and nothing has written it since, 3:18 drop-column INFO values of host copied to config at line 2, 3:36 drop-column ERROR
            POSTGRESQL | ALTER TABLE conn ADD COLUMN config json; UPDATE conn SET config = json_build_object('host', host, 'host', port); ALTER TABLE conn DROP COLUMN host; | 2:1 update-without-where INFO column config was added earlier in this script and nothing has written it since, 3:18 drop-column ERROR
            POSTGRESQL | ALTER TABLE orders ADD COLUMN total_new INT; UPDATE orders SET total_new = round(total); ALTER TABLE orders DROP COLUMN total; | 2:1 update-without-where INFO column total_new was added earlier in this script and nothing has written it since, 3:20 drop-column ERROR
            POSTGRESQL | ALTER TABLE orders ADD COLUMN total_new INT; UPDATE orders SET total_new = total; INSERT INTO orders (id, total) VALUES (7, 3); ALTER TABLE orders DROP COLUMN total; | 2:1 update-without-where INFO column total_new was added earlier in this script and nothing has written it since, 4:20 drop-column ERROR
            POSTGRESQL | ALTER TABLE subscription ADD COLUMN if NOT EXISTS type CHARACTER VARYING(255); UPDATE subscription SET type = 'content'; ALTER TABLE subscription ADD COLUMN IF NOT EXISTS tmp INT; ALTER TABLE subscription DROP COLUMN tmp; | 2:1 update-without-where ERROR, 4:26 drop-column ERROR
            POSTGRESQL | ALTER TABLE orders RENAME COLUMN total TO total_old; ALTER TABLE orders ADD COLUMN total INT; ALTER TABLE orders RENAME COLUMN total_old TO total_legacy; | 1:20 rename-column WARNING, 3:20 rename-column INFO column total_old got its name from the rename at line 1, so no code that runs yet uses it
            POSTGRESQL | CREATE TABLE tmp_groups (id int8 NOT NULL, name varchar(128), waiting bool, PRIMARY KEY (id)); INSERT INTO tmp_groups (id, name) SELECT id, name FROM groups; DROP TABLE groups; ALTER TABLE tmp_groups RENAME TO groups; UPDATE groups SET waiting = 'FALSE'; | 3:1 drop-table ERROR, 5:1 update-without-where INFO column waiting was added earlier in this script and nothing has written it since
            POSTGRESQL | CREATE TABLE tmp_groups (id int8 NOT NULL, waiting bool); INSERT INTO tmp_groups (id, waiting) SELECT id, waiting FROM groups; DROP TABLE groups; ALTER TABLE tmp_groups RENAME TO groups; UPDATE groups SET waiting = 'FALSE'; | 3:1 drop-table ERROR, 5:1 update-without-where ERROR
            POSTGRESQL | CREATE TABLE tmp_groups (id int8 NOT NULL, waiting bool); INSERT INTO tmp_groups SELECT id, waiting FROM groups; DROP TABLE groups; ALTER TABLE tmp_groups RENAME TO groups; UPDATE groups SET waiting = 'FALSE'; | 3:1 drop-table ERROR, 5:1 update-without-where ERROR
            MYSQL      | CREATE TABLE tmp_groups (id bigint, waiting bit); INSERT INTO tmp_groups (id) SELECT id FROM groups ON DUPLICATE KEY UPDATE waiting = 1; DROP TABLE groups; ALTER TABLE tmp_groups RENAME TO groups; UPDATE groups SET waiting = 0; | 3:1 drop-table ERROR, 5:1 update-without-where ERROR
            SQLITE     | CREATE TABLE notes_new (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER); INSERT INTO notes_new (id, body) SELECT id, body FROM notes; DROP TABLE notes; UPDATE notes_new SET pinned = 0; | 3:1 drop-table ERROR, 4:1 update-without-where INFO column pinned was added earlier in this script and nothing has written it since
            POSTGRESQL | DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'labels') THEN ALTER TABLE history ADD COLUMN instance INT; ELSE UPDATE history SET instance = NULL; END IF; END $$; | 2:6 update-without-where ERROR
            POSTGRESQL | DO $$ BEGIN IF found THEN ALTER TABLE history ADD COLUMN instance INT; UPDATE history SET instance = 0; END IF; END $$; | 2:1 update-without-where INFO column instance was added earlier in this script and nothing has written it since
            POSTGRESQL | DO $$ BEGIN IF found THEN ALTER TABLE history ADD COLUMN instance INT; END IF; UPDATE history SET instance = 0; END $$; | 3:1 update-without-where ERROR
            POSTGRESQL | ALTER TABLE history ADD COLUMN instance INT; DO $$ BEGIN IF found THEN UPDATE history SET instance = 0; END IF; END $$; | 2:27 update-without-where INFO column instance was added earlier in this script and nothing has written it since
            """)
    void scriptThatRebuildsAColumnLosesNothing(Dialect dialect, String sql, String expected) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.strip().replace("; ", ";\n") + "\n", StandardCharsets.UTF_8);

        List<String> findings = run(dialect, null).stream()
                .map(ProjectLint::placeAndGuard).toList();

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }

    @org.junit.jupiter.api.Test
    void columnAddedByAnEarlierMigrationHoldsDataTheUpdateOverwrites() throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "ALTER TABLE sessions ADD COLUMN logout_token VARCHAR(64);\n", StandardCharsets.UTF_8);

        List<Finding> findings = lint(Dialect.POSTGRESQL, "UPDATE sessions SET logout_token = token;",
                "update-without-where");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.ERROR, findings.get(0).severity(), findings.get(0).message());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MARK_RAN | <tableIsEmpty tableName="audit_2019"/>                                    | INFO
            HALT     | <tableIsEmpty tableName="audit_2019"/>                                    | INFO
            CONTINUE | <sqlCheck expectedResult="0">SELECT COUNT(*) FROM audit_2019</sqlCheck>     | INFO
            MARK_RAN | <sqlCheck expectedResult="0">SELECT COUNT(*) AS n FROM audit_2019 a</sqlCheck> | INFO
            WARN     | <tableIsEmpty tableName="audit_2019"/>                                    | ERROR
            HALT     | <sqlCheck expectedResult="0">SELECT COUNT(*) FROM other</sqlCheck>          | ERROR
            HALT     | <sqlCheck expectedResult="1">SELECT COUNT(*) FROM audit_2019</sqlCheck>     | ERROR
            HALT     | <tableExists tableName="audit_2019"/>                                     | ERROR
            MARK_RAN | <rowCount tableName="audit_2019" expectedRows="0"/>                       | INFO
            HALT     | <rowCount tableName="audit_2019" expectedRows="10"/>                      | ERROR
            MARK_RAN | <and><tableExists tableName="audit_2019"/><tableIsEmpty tableName="audit_2019"/></and> | INFO
            MARK_RAN | <and><rowCount tableName="audit_2019" expectedRows="0"/></and>           | INFO
            MARK_RAN | <or><tableIsEmpty tableName="audit_2019"/><dbms type="h2"/></or>          | ERROR
            MARK_RAN | <not><tableIsEmpty tableName="audit_2019"/></not>                         | ERROR
            WARN     | <and><tableIsEmpty tableName="audit_2019"/></and>                         | ERROR
            """)
    void liquibasePreconditionRequiringAnEmptyTableGuardsTheDrop(String onFail, String check, Severity expected)
            throws IOException {
        Path file = project.resolve("db/changelog.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <preConditions onFail="%s">%s</preConditions>
                    <dropTable tableName="audit_2019"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(onFail, check), StandardCharsets.UTF_8);

        List<Finding> findings = run(Dialect.AUTO, "drop-table");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(expected, findings.get(0).severity(), findings.get(0).message());
        if (expected == Severity.INFO) {
            assertTrue(findings.get(0).message().contains("(guarded: runs only when audit_2019 is empty"),
                    findings.get(0).message());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <delete tableName="audit_2019"/>                                     | delete-without-where
            <sql>DELETE FROM audit_2019</sql>                                     | delete-without-where
            <sqlFile path="purge.sql" relativeToChangelogFile="true"/>            | delete-without-where
            <update tableName="audit_2019"><column name="note" value="x"/></update> | update-without-where
            <sql>UPDATE audit_2019 SET note = NULL</sql>                          | update-without-where
            """)
    void liquibasePreconditionRequiringAnEmptyTableGuardsEveryChangeOfItsRows(String change, String rule)
            throws IOException {
        Files.createDirectories(project.resolve("db"));
        if (change.contains("purge.sql")) {
            Files.writeString(project.resolve("db/purge.sql"), "DELETE FROM audit_2019;\n", StandardCharsets.UTF_8);
        }
        Files.writeString(project.resolve("db/changelog.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <preConditions onFail="MARK_RAN"><tableIsEmpty tableName="audit_2019"/></preConditions>
                    %s
                    <sql>DELETE FROM other; UPDATE other SET note = NULL</sql>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(change), StandardCharsets.UTF_8);

        List<Finding> findings = run(Dialect.AUTO, rule);

        assertEquals(2, findings.size(), findings.toString());
        Finding guarded = findings.stream().filter(f -> f.message().contains("audit_2019")).findFirst().orElseThrow();
        assertEquals(Severity.INFO, guarded.severity(), guarded.message());
        assertTrue(guarded.message().endsWith(
                " (guarded: runs only when audit_2019 is empty (changeset precondition)) (changeset a:1)"),
                guarded.message());
        Finding other = findings.stream().filter(f -> f.message().contains("other")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, other.severity(), other.message());
    }

    /**
     * A changeset's customChange or executeCommand runs code that may write any column: a fill after it of a column
     * the changeset added is no longer one that overwrites nothing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing between           |                                                          | INFO
            a customChange between    | <customChange class="com.example.FillSeats"/>            | ERROR
            an executeCommand between | <executeCommand executable="fill-seats"/>                | ERROR
            """)
    void unseenCodeBetweenAddingAndFillingAColumnMayHaveWrittenIt(String name, String between, Severity expected)
            throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/changelog.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="0" author="a">
                    <sql>CREATE TABLE orders (id INT)</sql>
                  </changeSet>
                  <changeSet id="1" author="a">
                    <addColumn tableName="orders"><column name="seats" type="INT"/></addColumn>
                    %s
                    <sql>UPDATE orders SET seats = 0</sql>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(between == null ? "" : between), StandardCharsets.UTF_8);

        List<Finding> findings = run(Dialect.POSTGRESQL, "update-without-where");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(expected, findings.get(0).severity(), findings.get(0).message());
    }

    /**
     * A count of one column counts the rows holding a value there: when the changelog made that column NOT NULL
     * (a primary key's), that is every row, so a count of 0 requires the table to be empty; a nullable column's
     * count does not.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT COUNT(id) FROM audit_2019        | <delete tableName="audit_2019"/>  | delete-without-where | INFO
            SELECT COUNT(a.code) FROM audit_2019 a  | <dropTable tableName="audit_2019"/> | drop-table        | INFO
            SELECT COUNT(note) FROM audit_2019      | <dropTable tableName="audit_2019"/> | drop-table        | ERROR
            SELECT COUNT(missing) FROM audit_2019   | <dropTable tableName="audit_2019"/> | drop-table        | ERROR
            """)
    void liquibasePreconditionCountingANotNullColumnRequiresAnEmptyTable(String count, String change, String rule,
            Severity expected) throws IOException {
        Path file = project.resolve("db/changelog.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <createTable tableName="audit_2019">
                      <column name="id" type="int"><constraints primaryKey="true"/></column>
                      <column name="code" type="varchar(10)"><constraints nullable="false"/></column>
                      <column name="note" type="varchar(100)"/>
                    </createTable>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <preConditions onFail="MARK_RAN"><sqlCheck expectedResult="0">%s</sqlCheck></preConditions>
                    %s
                  </changeSet>
                </databaseChangeLog>
                """.formatted(count, change), StandardCharsets.UTF_8);

        List<Finding> findings = run(Dialect.AUTO, rule);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(expected, findings.get(0).severity(), findings.get(0).message());
        assertEquals(expected == Severity.INFO, findings.get(0).message().contains(
                "(guarded: runs only when audit_2019 is empty (changeset precondition))"), findings.get(0).message());
    }

    /** A comment line between the guard and the drop, where scripts say why it is safe, leaves the guard a guard. */
    @Test
    void aCommentAfterTheGuardKeepsIt() throws IOException {
        List<Finding> findings = lint(Dialect.POSTGRESQL, """
                DO $$
                DECLARE
                    n integer;
                BEGIN
                    SELECT count(*) INTO n FROM audit_2019;

                    IF n = 0 THEN
                        -- no rows are left, so the table can go
                        DROP TABLE audit_2019;
                    ELSE
                        RAISE EXCEPTION 'audit_2019 still has rows -- archive them first';
                    END IF;
                END;
                $$ LANGUAGE plpgsql;""", "drop-table");

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.INFO, findings.get(0).severity(), findings.get(0).message());
        assertEquals(9, findings.get(0).location().line());
    }

    private List<Finding> lint(Dialect dialect, String sql, String rule) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
        return run(dialect, rule);
    }

    private List<Finding> run(Dialect dialect, String rule) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> rule == null || f.ruleId().equals(rule)).toList();
    }
}
