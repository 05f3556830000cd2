package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.ScriptMode;
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

/**
 * A file that holds its migration and the way back (goose, sql-migrate, dbmate) runs its down section only on
 * rollback, against the schema the up section left: what the down section destroys is a warning, as in a down
 * script, and the up section's tables are no scratch tables to it (a drop of what the up section created, or a DELETE
 * that empties it, is at INFO, as in a down script: the other cases here destroy what was there before it).
 */
class LinterUpDownSectionsTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -- +goose Up\\nALTER TABLE post ADD x int;\\n\\n-- +goose Down\\nDROP TABLE post; | drop-table WARNING 5:1 DROP TABLE removes table post and all its rows (down section: runs only on rollback)
            -- +migrate Up\\nALTER TABLE t ADD d int;\\n-- +migrate Down\\nALTER TABLE t DROP COLUMN c; | drop-column WARNING 4:15 ALTER TABLE t drops column c (down section: runs only on rollback)
            -- migrate:up\\nCREATE TABLE t2 (id int);\\n-- migrate:down\\nDELETE FROM t; | delete-without-where WARNING 4:1 DELETE without WHERE removes every row of t (down section: runs only on rollback)
            -- migrate:up\\nCREATE TABLE t2 (id int);\\n-- migrate:down\\nDELETE FROM t2; | delete-without-where INFO 4:1 DELETE without WHERE removes every row of t2 (guarded: table t2 was created by its up script at 00001_create.sql:2, so rolling back loses only the rows written since) (down section: runs only on rollback)
            -- +goose Up\\nDELETE FROM t;\\n-- +goose Down\\nSELECT 1; | delete-without-where ERROR 2:1 DELETE without WHERE removes every row of t
            -- a note that mentions -- +goose Down without an up section\\nCREATE TABLE p (id int);\\nDROP TABLE p; | -
            """)
    void aDownSectionIsRollbackCode(String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings(sql, ScriptMode.WARN));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE lim ALTER COLUMN res TYPE lr_old USING res::text::lr_old;\\nDROP TYPE lr CASCADE; | drop-column WARNING 8:14 DROP TYPE lr CASCADE also drops column alert.res of type lr, with every value in it (down section: runs only on rollback)
            CREATE TYPE lr_wide AS ENUM ('A', 'B', 'C');\\nALTER TABLE lim ALTER COLUMN res TYPE lr_wide USING res::text::lr_wide; | -
            CREATE TYPE lr_narrow AS ENUM ('A');\\nALTER TABLE lim ALTER COLUMN res TYPE lr_narrow USING res::text::lr_narrow; | alter-column-type WARNING 8:17 ALTER TABLE lim changes the type of column res from lr to lr_narrow (leaves out value 'B': rows holding it make the statement fail) (down section: runs only on rollback)
            """)
    void aDownSectionSeesWhatItsOwnEarlierStatementsChanged(String down, String expected) throws IOException {
        String sql = "-- +goose Up\\nCREATE TYPE lr AS ENUM ('A', 'B');\\nCREATE TABLE lim (id int, res lr);\\n"
                + "CREATE TABLE alert (id int, res lr);\\n-- +goose Down\\nCREATE TYPE lr_old AS ENUM ('A', 'B', 'C');\\n"
                + down;
        List<String> found = findings(sql, ScriptMode.WARN).stream()
                .filter(finding -> !finding.startsWith("cascade ")).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    @Test
    void undoScriptsSaysWhetherADownSectionIsChecked() throws IOException {
        String sql = "-- +goose Up\\nALTER TABLE post ADD x int;\\n-- +goose Down\\nDROP TABLE post;";

        assertEquals(List.of("drop-table ERROR 4:1 DROP TABLE removes table post and all its rows (down section: runs"
                + " only on rollback)"), findings(sql, ScriptMode.CHECK));
        assertEquals(List.of(), findings(sql, ScriptMode.SKIP));
    }

    /**
     * A down section runs its statements one after the other, as a script does: a rebuild there (copy, drop, rename)
     * is guarded by its own copy, and the table it created takes the old name without a rename finding, as in the
     * up section; a copy that leaves a column out, or one the up section made, guards nothing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TABLE post_tmp (id int PRIMARY KEY, title text);\\nINSERT INTO post_tmp (id, title) SELECT id, title FROM post;\\nDROP TABLE post;\\nALTER TABLE post_tmp RENAME TO post; | drop-table INFO 7:1 DROP TABLE removes table post and all its rows (guarded: rows copied to post_tmp at line 6) (down section: runs only on rollback)
            CREATE TABLE post_tmp (id int PRIMARY KEY);\\nINSERT INTO post_tmp (id) SELECT id FROM post;\\nDROP TABLE post;\\nALTER TABLE post_tmp RENAME TO post; | drop-table WARNING 7:1 DROP TABLE removes table post and all its rows (the copy to post_tmp at line 6 leaves out column title, whose values are lost) (down section: runs only on rollback)
            CREATE TABLE ids (id int);\\nINSERT INTO ids SELECT id FROM post;\\nDROP TABLE ids; | -
            DROP TABLE post; | drop-table WARNING 5:1 DROP TABLE removes table post and all its rows (down section: runs only on rollback)
            """)
    void aDownSectionRunsItsStatementsInOrder(String down, String expected) throws IOException {
        write("db/00001_base.sql", "-- +goose Up\nCREATE TABLE post (id int PRIMARY KEY, title text);\n"
                + "-- +goose Down\nDROP TABLE post;");
        String sql = "-- +goose Up\nCREATE TABLE post_copy AS SELECT * FROM post;\nCREATE INDEX post_title ON post (title);\n"
                + "-- +goose Down\n" + down;
        List<String> found = findings("db/00002_change.sql", sql, ScriptMode.WARN).stream()
                .filter(finding -> finding.contains("(down section")).filter(f -> !f.contains("guarded: table post was"))
                .toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    private List<String> findings(String sql, ScriptMode downs) throws IOException {
        return findings("db/00001_create.sql", sql, downs);
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
    }

    private List<String> findings(String path, String sql, ScriptMode downs) throws IOException {
        write(path, sql);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = new FlywayConfig("V", "U", "R", "__", List.of(".sql"), Map.of(), "${", "}", null, downs,
                List.of());
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), flyway,
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":"
                + f.location().column() + " " + f.message()).toList();
    }
}
