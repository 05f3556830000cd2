package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * A table rebuilt through a scratch copy (copy its rows aside, drop it, create it anew, copy the rows back, drop
 * the copy) loses nothing when the copy back keeps every column. When the copy lists its columns and sqlguard
 * does not know every column of the table (it was created before the scripts checked), the drop of the copy is a
 * WARNING that says so, not an ERROR; a copy that surely leaves a column out stays an ERROR.
 */
class LinterRebuildCopyBackTest {

    @TempDir
    Path project;

    private static final String REBUILD = """
            CREATE TABLE app.job_tmp AS SELECT * FROM app.job;
            DROP TABLE app.job;
            CREATE TABLE app.job (id int PRIMARY KEY, name text NOT NULL, status int NOT NULL DEFAULT 0);
            %s;
            DROP TABLE app.job_tmp;""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO app.job SELECT * FROM app.job_tmp                                   | INFO    | guarded: rows copied to app.job at line 4
            INSERT INTO app.job (id, name, status) SELECT *, 0 FROM app.job_tmp              | INFO    | guarded: rows copied to app.job at line 4
            INSERT INTO app.job (id, name) SELECT id, name FROM app.job_tmp ORDER BY id      | WARNING | rows copied back to app.job at line 4 by a column list; sqlguard does not know every column of app.job_tmp
            INSERT INTO app.job (id, name) SELECT t.id, t.name FROM app.job_tmp t            | WARNING | rows copied back to app.job at line 4 by a column list
            INSERT INTO app.job (id, name) SELECT id, name FROM app.job_tmp WHERE id > 0     | ERROR   | app.job_tmp holds the only copy
            INSERT INTO app.job (id, name) SELECT j.id, o.name FROM app.job_tmp j JOIN app.other o ON o.id = j.id | ERROR | app.job_tmp holds the only copy
            INSERT INTO app.other (id, name) SELECT id, name FROM app.job_tmp                | ERROR   | app.job_tmp holds the only copy
            """)
    void theDropOfTheScratchCopyAfterTheCopyBack(String copyBack, Severity expected, String note) throws IOException {
        List<Finding> drops = lint(REBUILD.formatted(copyBack));

        assertEquals(2, drops.size(), drops.toString());
        Finding drop = drops.get(1);
        assertEquals(5, drop.location().line());
        assertEquals(expected, drop.severity(), drop.message());
        assertTrue(drop.message().contains(note), drop.message());
    }

    /**
     * {@code CREATE TABLE t_tmp AS SELECT * FROM t} of a table the scripts created gives the copy exactly t's
     * columns, so a copy back by a column list is checked against them rather than left to the reader.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO app.job (id, name, status) SELECT id, name, status FROM app.job_tmp | INFO  | guarded: rows copied to app.job at line 4
            INSERT INTO app.job (id, name) SELECT id, name FROM app.job_tmp                 | ERROR | leaves out column status, whose values are lost
            """)
    void theCopyBackFromAStarCopyOfAKnownTable(String copyBack, Severity expected, String note) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE app.job (id int PRIMARY KEY, name text NOT NULL, status int);\n",
                StandardCharsets.UTF_8);
        List<Finding> drops = lint(REBUILD.formatted(copyBack));

        assertEquals(2, drops.size(), drops.toString());
        Finding drop = drops.get(1);
        assertEquals(5, drop.location().line());
        assertEquals(expected, drop.severity(), drop.message());
        assertTrue(drop.message().contains(note), drop.message());
    }

    @Test
    void aColumnListCopyOfATableWithUnknownColumnsSaysWhyItIsNoGuard() throws IOException {
        List<Finding> drops = lint("""
                CREATE TABLE app.job_new AS SELECT id, name FROM app.job;
                DROP TABLE app.job;""");

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity());
        assertTrue(drops.get(0).message().contains("(the copy to app.job_new at line 1 lists its columns, and sqlguard"
                + " does not know every column of app.job: those it leaves out are lost)"), drops.get(0).message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TABLE app.job_old AS SELECT id, name FROM app.job         | INFO  | guarded: rows copied to app.job_old at line 1
            CREATE TABLE app.job_old AS SELECT id FROM app.job ORDER BY id   | ERROR | leaves out column name, whose values are lost
            CREATE TABLE app.job_old AS SELECT id, name FROM app.job WHERE id > 0 | ERROR | keeps only the rows its WHERE selects
            """)
    void aCreateTableAsSelectByColumnListOfAKnownTable(String copy, Severity expected, String note)
            throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE app.job (id int, name text);\n", StandardCharsets.UTF_8);
        List<Finding> drops = lint(copy + ";\nDROP TABLE app.job;");

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains(note), drops.get(0).message());
    }

    /**
     * A scratch copy made by a plain column list has exactly those columns, so the copy back that lists them all
     * restores every value it holds: the dedupe of a table through a copy (an add_missing_pk script).
     */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TABLE app.job_tmp AS SELECT DISTINCT id, name FROM app.job   | INSERT INTO app.job (id, name) SELECT id, name FROM app.job_tmp | INFO  | guarded: rows copied to app.job at line 3
            SELECT DISTINCT id, j.name AS name INTO app.job_tmp FROM app.job j  | INSERT INTO app.job (id, name) SELECT id, name FROM app.job_tmp | INFO  | guarded: rows copied to app.job at line 3
            CREATE TABLE app.job_tmp AS SELECT DISTINCT id, name FROM app.job   | INSERT INTO app.job (id) SELECT id FROM app.job_tmp             | ERROR | leaves out column name, whose values are lost
            CREATE TABLE app.job_tmp AS SELECT id, upper(name) FROM app.job     | INSERT INTO app.job (id, name) SELECT id, name FROM app.job_tmp | ERROR | sqlguard does not know every column of app.job_tmp
            SELECT DISTINCT * INTO app.job_tmp FROM app.job                     | INSERT INTO app.job (id, name) SELECT id, name FROM app.job_tmp | ERROR | sqlguard does not know every column of app.job_tmp
            """)
    void aScratchCopyMadeByAColumnListHasExactlyThoseColumns(String copy, String copyBack, Severity expected,
            String note) throws IOException {
        List<Finding> drops = lint(copy + ";\nDELETE FROM app.job;\n" + copyBack + ";\nDROP TABLE app.job_tmp;");

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains(note), drops.get(0).message());
    }

    private List<Finding> lint(String sql) throws IOException {
        Path file = project.resolve("db/V1__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("drop-table")).toList();
    }
}
