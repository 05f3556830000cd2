package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table the script emptied, and has put no row back into, loses nothing more to a later drop of its columns or
 * of itself: that finding is INFO naming the line that emptied it, while the emptying stays reported.
 */
class LinterEmptiedTableGuardTest {

    @TempDir
    Path project;

    /** Findings as {@code rule@line:SEVERITY}, each guarded one with its note, joined by " / ". */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DELETE FROM tokens; ALTER TABLE tokens DROP COLUMN content; | delete-without-where@1:ERROR / drop-column@2:INFO (guarded: every row of tokens was removed at line 1)
            POSTGRESQL | TRUNCATE TABLE color; ALTER TABLE color DROP COLUMN library_id, ADD COLUMN file_id uuid; | truncate-table@1:ERROR / drop-column@2:INFO (guarded: every row of color was removed at line 1)
            POSTGRESQL | TRUNCATE a; TRUNCATE b CASCADE; CREATE INDEX i ON a (x); ALTER TABLE a DROP COLUMN x; | truncate-table@1:ERROR / truncate-table@2:ERROR / cascade@2:WARNING / drop-column@4:INFO (guarded: every row of a was removed at line 1)
            AUTO       | TRUNCATE a, b; DROP TABLE a, b;                                                | truncate-table@1:ERROR / drop-table@2:INFO (guarded: every row of a was removed at line 1; every row of b was removed at line 1)
            MYSQL      | DELETE FROM tokens; DELETE FROM tokens; ALTER TABLE tokens DROP content;      | delete-without-where@1:ERROR / delete-without-where@2:INFO (guarded: every row of tokens was removed at line 1) / drop-column@3:INFO (guarded: every row of tokens was removed at line 1)
            POSTGRESQL | DELETE FROM tokens; INSERT INTO tokens SELECT * FROM old; ALTER TABLE tokens DROP COLUMN content; | delete-without-where@1:ERROR / drop-column@3:ERROR
            POSTGRESQL | DELETE FROM tokens WHERE expired; ALTER TABLE tokens DROP COLUMN content;      | drop-column@2:ERROR
            POSTGRESQL | DELETE FROM tokens t USING old o; ALTER TABLE tokens DROP COLUMN content;     | delete-without-where@1:ERROR / drop-column@2:ERROR
            POSTGRESQL | TRUNCATE a; DELETE FROM audit WHERE id = 1; ALTER TABLE a DROP COLUMN x;     | truncate-table@1:ERROR / drop-column@3:ERROR
            POSTGRESQL | TRUNCATE a; UPDATE b SET y = 1 WHERE id = 2; ALTER TABLE a DROP COLUMN x;    | truncate-table@1:ERROR / drop-column@3:ERROR
            POSTGRESQL | TRUNCATE a; SELECT refill(); ALTER TABLE a DROP COLUMN x;                    | truncate-table@1:ERROR / drop-column@3:ERROR
            POSTGRESQL | TRUNCATE a; ALTER TABLE a ATTACH PARTITION p FOR VALUES IN (1); ALTER TABLE a DROP COLUMN x; | truncate-table@1:ERROR / drop-column@3:ERROR
            POSTGRESQL | TRUNCATE a; ALTER TABLE b RENAME TO a; ALTER TABLE a DROP COLUMN x;         | truncate-table@1:ERROR / rename-table@2:WARNING / drop-column@3:ERROR
            POSTGRESQL | DELETE FROM a; TRUNCATE a CASCADE;                                             | delete-without-where@1:ERROR / truncate-table@2:ERROR / cascade@2:WARNING
            POSTGRESQL | TRUNCATE a; DROP TABLE a;                                                      | truncate-table@1:ERROR / drop-table@2:INFO (guarded: every row of a was removed at line 1)
            POSTGRESQL | TRUNCATE staging.a; ALTER TABLE a DROP COLUMN x; DROP TABLE Staging.A;           | truncate-table@1:ERROR / drop-column@2:ERROR / drop-table@3:INFO (guarded: every row of staging.a was removed at line 1)
            POSTGRESQL | TRUNCATE a; DO $$ BEGIN INSERT INTO a VALUES (1); END $$; ALTER TABLE a DROP COLUMN x; | truncate-table@1:ERROR / drop-column@4:ERROR
            MYSQL      | TRUNCATE TABLE blobs; ALTER TABLE blobs MODIFY payload BLOB;                 | truncate-table@1:ERROR / alter-column-type@2:INFO (guarded: every row of blobs was removed at line 1)
            POSTGRESQL | DELETE FROM a; ALTER TABLE a ALTER COLUMN label TYPE varchar(10);            | delete-without-where@1:ERROR / alter-column-type@2:INFO (guarded: every row of a was removed at line 1)
            POSTGRESQL | ALTER TABLE kv RENAME TO kv_old; CREATE TABLE kv (LIKE kv_old); ALTER TABLE kv DROP COLUMN kind; | rename-table@1:INFO (guarded: table kv is created again at line 2) / drop-column@3:INFO (guarded: table kv was created at line 2 and no row was written to it since)
            POSTGRESQL | ALTER TABLE kv RENAME TO kv_old; CREATE TABLE IF NOT EXISTS kv (LIKE kv_old) PARTITION BY RANGE (ts); ALTER TABLE kv ALTER COLUMN k TYPE integer USING k::integer; | rename-table@1:INFO (guarded: table kv is created again at line 2) / alter-column-type@3:INFO (guarded: table kv was created at line 2 and no row was written to it since)
            MYSQL      | DROP TABLE IF EXISTS kv; CREATE TABLE IF NOT EXISTS kv LIKE kv_src; ALTER TABLE kv DROP COLUMN kind; | drop-table@1:ERROR
            POSTGRESQL | ALTER TABLE kv RENAME TO kv_old; CREATE TABLE kv (LIKE kv_old); INSERT INTO kv SELECT * FROM kv_old; ALTER TABLE kv DROP COLUMN kind; | rename-table@1:INFO (guarded: table kv is created again at line 2) / drop-column@4:ERROR
            POSTGRESQL | ALTER TABLE kv RENAME TO kv_old; CREATE TABLE kv AS SELECT * FROM kv_old; ALTER TABLE kv DROP COLUMN kind; | rename-table@1:INFO (guarded: table kv is created again at line 2) / drop-column@3:ERROR
            POSTGRESQL | CREATE TABLE IF NOT EXISTS kv (LIKE kv_src); ALTER TABLE kv DROP COLUMN kind;   | drop-column@2:ERROR
            MYSQL      | TRUNCATE a; ALTER IGNORE TABLE a ADD UNIQUE (x);                               | truncate-table@1:ERROR / alter-ignore-unique@2:INFO (guarded: every row of a was removed at line 1)
            POSTGRESQL | TRUNCATE a; ALTER TABLE b ALTER COLUMN label TYPE varchar(10);              | truncate-table@1:ERROR / alter-column-type@2:WARNING
            POSTGRESQL | TRUNCATE a; INSERT INTO a VALUES (1); ALTER TABLE a ALTER COLUMN label TYPE varchar(10); | truncate-table@1:ERROR / alter-column-type@3:WARNING
            """)
    void dropOfATableTheScriptEmptiedLosesNothingMore(Dialect dialect, String sql, String expected)
            throws IOException {
        assertEquals(expected, describe(lint(dialect, sql.replace("; ", ";\n"))));
    }

    @Test
    void emptyingInAnEarlierScriptGuardsNothing() throws IOException {
        write("db/V1__empty.sql", "TRUNCATE a;\n");
        write("db/V2__drop.sql", "ALTER TABLE a DROP COLUMN x;\n");

        assertEquals("truncate-table@1:ERROR / drop-column@1:ERROR", describe(run(Dialect.POSTGRESQL)));
    }

    /**
     * Emptying one table after another (a reset before a reshape) keeps the first emptied when the migrations created
     * the next ones without a trigger or rule that could write rows on their deletion; a DELETE also empties the
     * tables its ON DELETE CASCADE keys of NOT NULL columns reach.
     */
    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            '' | drop-table@3:INFO (guarded: every row of logs was removed at line 1) / drop-column@4:INFO (guarded: every row of settings was removed at line 2, through ON DELETE CASCADE)
            CREATE TRIGGER keep_deleted AFTER DELETE ON registry FOR EACH ROW EXECUTE FUNCTION archive(); | drop-table@3:ERROR / drop-column@4:INFO (guarded: every row of settings was removed at line 2, through ON DELETE CASCADE)
            CREATE RULE keep_deleted AS ON DELETE TO settings DO ALSO INSERT INTO logs VALUES (1); | drop-table@3:ERROR / drop-column@4:INFO (guarded: every row of settings was removed at line 2, through ON DELETE CASCADE)
            ALTER TABLE settings ALTER COLUMN registry_id DROP NOT NULL; | drop-table@3:INFO (guarded: every row of logs was removed at line 1) / drop-column@4:ERROR
            """)
    void deletingFromTablesWithoutTriggersKeepsWhatWasEmptied(String earlier, String expected) throws IOException {
        write("db/V1__create.sql", """
                CREATE TABLE logs (id INT PRIMARY KEY, line TEXT);
                CREATE TABLE registry (id INT PRIMARY KEY, name TEXT);
                CREATE TABLE settings (id INT PRIMARY KEY, registry_id INT NOT NULL REFERENCES registry (id)
                    ON DELETE CASCADE, value TEXT);
                """ + earlier + "\n");
        write("db/V2__reset.sql", """
                DELETE FROM logs;
                DELETE FROM registry;
                DROP TABLE logs;
                ALTER TABLE settings DROP COLUMN registry_id;
                """);

        List<Finding> findings = run(Dialect.POSTGRESQL).stream()
                .filter(f -> f.location().path().endsWith("V2__reset.sql") && !f.ruleId().equals("delete-without-where"))
                .toList();

        assertEquals(expected, describe(findings));
    }

    /** A trigger on the second table deleted, as each database writes one, may have written rows into the first. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL      | CREATE DEFINER=`admin`@`%` TRIGGER keep AFTER DELETE ON registry FOR EACH ROW INSERT INTO logs VALUES (OLD.id, OLD.name)
            SQLITE     | CREATE TRIGGER IF NOT EXISTS keep AFTER DELETE ON registry BEGIN INSERT INTO logs VALUES (old.id, old.name); END
            SQLSERVER  | CREATE OR ALTER TRIGGER dbo.keep ON dbo.registry AFTER DELETE AS INSERT INTO logs SELECT id, name FROM deleted
            ORACLE     | CREATE OR REPLACE TRIGGER keep BEFORE DELETE ON registry FOR EACH ROW BEGIN INSERT INTO logs VALUES (:old.id, :old.name); END;
            POSTGRESQL | CREATE CONSTRAINT TRIGGER keep AFTER DELETE OR UPDATE OF name ON registry FOR EACH ROW EXECUTE FUNCTION archive()
            """)
    void aTriggerOnTheNextTableDeletedEndsWhatWasEmptied(Dialect dialect, String trigger) throws IOException {
        write("db/V1__create.sql", "CREATE TABLE logs (id INT PRIMARY KEY, line VARCHAR(80));\n"
                + "CREATE TABLE registry (id INT PRIMARY KEY, name VARCHAR(80));\n" + trigger + "\n"
                + (dialect == Dialect.ORACLE ? "/\n" : dialect == Dialect.SQLSERVER ? "GO\n" : ""));
        write("db/V2__reset.sql", "DELETE FROM logs;\nDELETE FROM registry;\nDROP TABLE logs;\n");

        assertEquals("drop-table@3:ERROR", describe(run(dialect).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList()));
    }

    @Test
    void sqliteChildrenKeepTheirRowsWhenForeignKeysAreOff() throws IOException {
        write("db/V1__create.sql", """
                CREATE TABLE registry (id INTEGER PRIMARY KEY, name TEXT);
                CREATE TABLE settings (id INTEGER PRIMARY KEY, registry_id INTEGER NOT NULL REFERENCES registry (id)
                    ON DELETE CASCADE, value TEXT);
                """);
        write("db/V2__reset.sql", "DELETE FROM registry;\nALTER TABLE settings DROP COLUMN value;\n");

        assertEquals("drop-column@2:ERROR", describe(run(Dialect.SQLITE).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList()));
    }

    @Test
    void deletingFromATableTheMigrationsDidNotCreateMayAddRowsElsewhere() throws IOException {
        assertEquals("delete-without-where@1:ERROR / delete-without-where@2:ERROR / drop-table@3:ERROR",
                describe(lint(Dialect.POSTGRESQL, "DELETE FROM logs;\nDELETE FROM registry;\nDROP TABLE logs;")));
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> {
            Location at = f.location();
            int note = f.message().indexOf(" (guarded: ");
            return f.ruleId() + "@" + at.line() + ":" + f.severity() + (note < 0 ? "" : f.message().substring(note));
        }).collect(Collectors.joining(" / "));
    }

    private List<Finding> lint(Dialect dialect, String sql) throws IOException {
        write("db/V2__change.sql", sql + "\n");
        return run(dialect);
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<Finding> run(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings();
    }
}
