package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a copy of a table's rows into another table bears on a later DROP COLUMN of that table: a column moved from
 * every row that has a value is kept however the test for a value is written (a value in any of several columns
 * moves each of them), and a copy that took only the key
 * (filling a parent table, {@code INSERT INTO objects (uuid) SELECT uuid FROM community}) neither hides what
 * guards the column nor says it left out a column that did not exist when it ran.
 */
class LinterMovedColumnGuardTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO notes (community_id, body) SELECT community_id, name FROM community WHERE NOT name IS NULL | ALTER TABLE community DROP COLUMN name | INFO ALTER TABLE community drops column name (guarded: values of name copied to notes at line 1)
            INSERT INTO notes (community_id, body) SELECT c.community_id, c.name FROM community c WHERE not c.name is null | ALTER TABLE community DROP COLUMN name | INFO ALTER TABLE community drops column name (guarded: values of name copied to notes at line 1)
            INSERT INTO notes (community_id, body) SELECT community_id, name FROM community WHERE NOT name IS NOT NULL | ALTER TABLE community DROP COLUMN name | ERROR ALTER TABLE community drops column name (values of name copied to notes at line 1, only from the rows its WHERE selects)
            INSERT INTO notes (community_id, body) SELECT community_id, name FROM community WHERE NOT name = 'x' | ALTER TABLE community DROP COLUMN name | ERROR ALTER TABLE community drops column name (values of name copied to notes at line 1, only from the rows its WHERE selects)
            INSERT INTO notes (community_id, body) SELECT community_id, name FROM community WHERE name IS NOT NULL AND uuid IS NOT NULL | ALTER TABLE community DROP COLUMN name | ERROR ALTER TABLE community drops column name (values of name copied to notes at line 1, only from the rows its WHERE selects)
            INSERT INTO notes (community_id, body) SELECT c.community_id, c.name FROM community c WHERE c.community_id IS NOT NULL AND c.name IS NOT NULL | ALTER TABLE community DROP COLUMN name | INFO ALTER TABLE community drops column name (guarded: values of name copied to notes at line 1)
            INSERT INTO notes (community_id, body) SELECT community_id, name FROM community WHERE name IS NOT NULL AND community_id IS NOT NULL AND uuid IS NOT NULL | ALTER TABLE community DROP COLUMN name | ERROR ALTER TABLE community drops column name (values of name copied to notes at line 1, only from the rows its WHERE selects)
            INSERT INTO notes (community_id, body) SELECT community_id, name FROM community WHERE community_id IS NOT NULL | ALTER TABLE community DROP COLUMN name | INFO ALTER TABLE community drops column name (guarded: values of name copied to notes at line 1)
            INSERT INTO objects (uuid) SELECT uuid FROM community; ALTER TABLE community ADD COLUMN scratch INT | ALTER TABLE community DROP COLUMN scratch | INFO ALTER TABLE community drops column scratch (guarded: column scratch was added earlier in this script)
            INSERT INTO objects (uuid) SELECT uuid FROM community; ALTER TABLE community ADD COLUMN name2 TEXT; UPDATE community SET name2 = name | ALTER TABLE community DROP COLUMN name | INFO ALTER TABLE community drops column name (guarded: values of name copied to name2 at line 3)
            INSERT INTO objects (uuid) SELECT uuid FROM community; ALTER TABLE community RENAME COLUMN name TO legacy_name | ALTER TABLE community DROP COLUMN legacy_name | ERROR ALTER TABLE community drops column legacy_name
            INSERT INTO objects (uuid) SELECT uuid FROM community | ALTER TABLE community DROP COLUMN name | ERROR ALTER TABLE community drops column name (the copy to objects at line 1 leaves out column name, whose values are lost)
            INSERT INTO objects (uuid) SELECT uuid FROM community; DROP TABLE objects | ALTER TABLE community DROP COLUMN name | ERROR ALTER TABLE community drops column name
            INSERT INTO labels (community_id, tag, body) SELECT community_id, uuid, name FROM community WHERE uuid IS NOT NULL OR name IS NOT NULL | ALTER TABLE community DROP COLUMN uuid, DROP COLUMN name | INFO ALTER TABLE community drops column uuid (guarded: values of uuid copied to labels at line 1) ## INFO ALTER TABLE community drops column name (guarded: values of name copied to labels at line 1)
            INSERT INTO labels (community_id, tag, body) SELECT community_id, uuid, name FROM community WHERE uuid IS NOT NULL OR name <> '' | ALTER TABLE community DROP COLUMN name | ERROR ALTER TABLE community drops column name (values of name copied to labels at line 1, only from the rows its WHERE selects)
            INSERT INTO labels (community_id, body) SELECT community_id, name FROM community WHERE uuid IS NOT NULL OR name IS NOT NULL | ALTER TABLE community DROP COLUMN name | INFO ALTER TABLE community drops column name (guarded: values of name copied to labels at line 1)
            INSERT INTO labels (community_id, body) SELECT community_id, name FROM community WHERE uuid IS NOT NULL OR name IS NOT NULL | ALTER TABLE community DROP COLUMN uuid | ERROR ALTER TABLE community drops column uuid
            """)
    void copyBeforeDropColumn(String before, String drop, String expected) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE community (community_id INT PRIMARY KEY, uuid UUID, name TEXT);\n"
                + "CREATE TABLE notes (id SERIAL PRIMARY KEY, community_id INT, body TEXT);\n"
                + "CREATE TABLE objects (uuid UUID PRIMARY KEY);\n"
                + "CREATE TABLE labels (community_id INT, tag UUID, body TEXT);\n", StandardCharsets.UTF_8);
        Path file = project.resolve("db/V1__change.sql");
        Files.writeString(file, before.replace("; ", ";\n") + ";\n" + drop + ";\n", StandardCharsets.UTF_8);

        List<String> findings = run(Dialect.POSTGRESQL).stream().map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(expected, String.join(" ## ", findings));
    }

    /**
     * Of a table the migrations do not create, sqlguard knows neither every column nor the key: a copy of every row
     * that takes the dropped columns as they are, beside another column, keeps their values if that column tells
     * the rows apart, so the drop is a WARNING that says which to check; one that leaves a dropped column out, or
     * reads it through an expression, or takes nothing beside it (which the finding says), stays an ERROR. A copy of
     * only the rows that have a value in the dropped column keeps every value too; one that leaves out rows that may
     * have one does not. A copy to another column of the same table still guards the drop in full.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO downloads (response_id, kind, at, session) SELECT id, kind, created, r.session FROM response r | ALTER TABLE response DROP COLUMN kind, DROP COLUMN session | WARNING ALTER TABLE response drops column kind (values of kind, session copied to downloads at line 1 beside created, id; sqlguard does not know the key of response, so check that they tell its rows apart) ## WARNING ALTER TABLE response drops column session (values of kind, session copied to downloads at line 1 beside created, id; sqlguard does not know the key of response, so check that they tell its rows apart)
            INSERT INTO downloads (response_id, kind) SELECT id AS response_id, kind FROM response | ALTER TABLE response DROP COLUMN kind | WARNING ALTER TABLE response drops column kind (values of kind copied to downloads at line 1 beside id; sqlguard does not know the key of response, so check that id tells its rows apart)
            INSERT INTO downloads (response_id, kind) SELECT id, kind FROM response | ALTER TABLE response DROP COLUMN kind, DROP COLUMN session | ERROR ALTER TABLE response drops column kind (the copy to downloads at line 1 lists its columns, and sqlguard does not know every column of response: those it leaves out are lost) ## ERROR ALTER TABLE response drops column session (the copy to downloads at line 1 lists its columns, and sqlguard does not know every column of response: those it leaves out are lost)
            INSERT INTO downloads (response_id, kind) SELECT id, lower(kind) FROM response | ALTER TABLE response DROP COLUMN kind | ERROR ALTER TABLE response drops column kind (the copy to downloads at line 1 lists its columns, and sqlguard does not know every column of response: those it leaves out are lost)
            INSERT INTO kinds (kind) SELECT kind FROM response | ALTER TABLE response DROP COLUMN kind | ERROR ALTER TABLE response drops column kind (values of kind copied to kinds at line 1 with no other column of response beside them, so nothing there tells whose they were)
            INSERT INTO kinds (kind, source) SELECT kind, 'response' FROM response | ALTER TABLE response DROP COLUMN kind | ERROR ALTER TABLE response drops column kind (values of kind copied to kinds at line 1 with no other column of response beside them, so nothing there tells whose they were)
            INSERT INTO downloads (response_id, kind) SELECT id, kind FROM response; ALTER TABLE response ADD COLUMN kind2 TEXT; UPDATE response SET kind2 = kind | ALTER TABLE response DROP COLUMN kind | INFO ALTER TABLE response drops column kind (guarded: values of kind copied to kind2 at line 3)
            INSERT INTO downloads (response_id, kind) SELECT id AS response_id, kind FROM response; DROP TABLE downloads | ALTER TABLE response DROP COLUMN kind | ERROR ALTER TABLE response drops column kind
            INSERT INTO downloads (response_id, kind) SELECT id AS response_id, kind FROM response; TRUNCATE downloads | ALTER TABLE response DROP COLUMN kind | ERROR ALTER TABLE response drops column kind
            INSERT INTO downloads (response_id, kind) SELECT id, kind FROM response WHERE kind IS NOT NULL | ALTER TABLE response DROP COLUMN kind | WARNING ALTER TABLE response drops column kind (values of kind copied to downloads at line 1 beside id; sqlguard does not know the key of response, so check that id tells its rows apart)
            INSERT INTO downloads (response_id, kind, at) SELECT id, kind, created FROM response WHERE kind IS NOT NULL | ALTER TABLE response DROP COLUMN created | ERROR ALTER TABLE response drops column created (the copy to downloads at line 1 keeps only the rows with a value in kind)
            INSERT INTO downloads (response_id, kind) SELECT id, kind FROM response WHERE kind = 'pdf' | ALTER TABLE response DROP COLUMN kind | ERROR ALTER TABLE response drops column kind (values of kind copied to downloads at line 1, only from the rows its WHERE selects)
            """)
    void copyOfATableNotCreatedByTheMigrationsBeforeDropColumn(String before, String drop, String expected)
            throws IOException {
        Path file = project.resolve("db/V1__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, before.replace("; ", ";\n") + ";\n" + drop + ";\n", StandardCharsets.UTF_8);

        List<String> findings = run(Dialect.POSTGRESQL).stream().map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(expected, String.join(" ## ", findings));
    }

    /**
     * Of a table the migrations do not know in full, a copy of every row whose values of some columns fill, as they
     * are, the whole primary key of the table it writes ran only if those values were set and told the copied rows
     * apart: the dropped columns copied beside them keep their values, whatever the source's own key. A key filled
     * from elsewhere, only in part, or by an INSERT that skips the rows its key refuses proves nothing of the kind.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE TABLE contents (file_id INT PRIMARY KEY, body BYTEA); INSERT INTO contents (file_id, body) SELECT id, body FROM files | ALTER TABLE files DROP COLUMN body | INFO ALTER TABLE files drops column body (guarded: values of body copied to contents at line 2 beside id, which fills the primary key of contents there, so it tells the rows of files apart)
            ORACLE | CREATE TABLE contents (file_id NUMBER(19), body BLOB, CONSTRAINT contents_pk PRIMARY KEY (file_id)); INSERT INTO contents (file_id, body) SELECT f.id, f.body FROM files f | ALTER TABLE files DROP COLUMN body | INFO ALTER TABLE files drops column body (guarded: values of body copied to contents at line 2 beside id, which fills the primary key of contents there, so it tells the rows of files apart)
            POSTGRESQL | CREATE TABLE contents (run_id INT, file_id INT, body BYTEA, PRIMARY KEY (run_id, file_id)); INSERT INTO contents (run_id, file_id, body) SELECT run, id, body FROM files | ALTER TABLE files DROP COLUMN body | INFO ALTER TABLE files drops column body (guarded: values of body copied to contents at line 2 beside id, run, which fill the primary key of contents there, so they tell the rows of files apart)
            POSTGRESQL | CREATE TABLE contents (id SERIAL PRIMARY KEY, file_id INT, body BYTEA); INSERT INTO contents (file_id, body) SELECT id, body FROM files | ALTER TABLE files DROP COLUMN body | WARNING ALTER TABLE files drops column body (values of body copied to contents at line 2 beside id; sqlguard does not know the key of files, so check that id tells its rows apart)
            POSTGRESQL | CREATE TABLE contents (run_id INT, file_id INT, body BYTEA, PRIMARY KEY (run_id, file_id)); INSERT INTO contents (run_id, file_id, body) SELECT 1, id, body FROM files | ALTER TABLE files DROP COLUMN body | WARNING ALTER TABLE files drops column body (values of body copied to contents at line 2 beside id; sqlguard does not know the key of files, so check that id tells its rows apart)
            POSTGRESQL | CREATE TABLE contents (file_id INT PRIMARY KEY, body BYTEA); INSERT INTO contents (file_id, body) SELECT id, body FROM files ON CONFLICT DO NOTHING | ALTER TABLE files DROP COLUMN body | ERROR ALTER TABLE files drops column body
            POSTGRESQL | CREATE TABLE contents (file_id INT PRIMARY KEY, body BYTEA); INSERT INTO contents (file_id, body) SELECT f.id, f.body FROM files f JOIN runs r ON r.id = f.run_id | ALTER TABLE files DROP COLUMN body | ERROR ALTER TABLE files drops column body (values of body copied to contents at line 2, only from the rows its join with runs matches)
            POSTGRESQL | CREATE TABLE contents (file_id INT PRIMARY KEY, body BYTEA); INSERT INTO contents (file_id, body) SELECT id, body FROM files WHERE kind = 'pdf' | ALTER TABLE files DROP COLUMN body | ERROR ALTER TABLE files drops column body (values of body copied to contents at line 2, only from the rows its WHERE selects)
            MYSQL | CREATE TABLE contents (file_id INT PRIMARY KEY, body BLOB); INSERT IGNORE INTO contents (file_id, body) SELECT id, body FROM files | ALTER TABLE files DROP COLUMN body | ERROR ALTER TABLE files drops column body
            """)
    void copyIntoATableKeyedByTheColumnsBesideTheDroppedOnes(Dialect dialect, String before, String drop,
            String expected) throws IOException {
        Path file = project.resolve("db/V1__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, before.replace("; ", ";\n") + ";\n" + drop + ";\n", StandardCharsets.UTF_8);

        List<String> findings = run(dialect).stream().map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(expected, String.join(" ## ", findings));
    }

    private List<Finding> run(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("drop-column")).toList();
    }
}
