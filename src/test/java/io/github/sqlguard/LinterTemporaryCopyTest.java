package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A copy into a temporary table keeps its rows only as long as the session (or the transaction) that made it: it
 * guards the drop of its source only when the same run copies them on to a table that stays.
 */
class LinterTemporaryCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE TEMP TABLE jobs_kept (id INT, name VARCHAR(50)); INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs;
            POSTGRESQL | CREATE TEMPORARY TABLE jobs_kept (id INT, name VARCHAR(50)) ON COMMIT DROP; INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs;
            MYSQL      | CREATE TEMPORARY TABLE jobs_kept LIKE jobs; INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs;
            ORACLE     | CREATE GLOBAL TEMPORARY TABLE jobs_kept (id INT, name VARCHAR(50)) ON COMMIT PRESERVE ROWS; INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs;
            ORACLE     | CREATE GLOBAL TEMPORARY TABLE jobs_kept (id INT, name VARCHAR(50)) ON COMMIT DELETE ROWS; INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs;
            AUTO       | DECLARE GLOBAL TEMPORARY TABLE SESSION.jobs_kept LIKE jobs ON COMMIT PRESERVE ROWS NOT LOGGED; INSERT INTO SESSION.jobs_kept SELECT * FROM jobs; DROP TABLE jobs;
            POSTGRESQL | CREATE TEMP TABLE jobs_kept (id INT, name VARCHAR(50)); INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept WHERE id > 10;
            POSTGRESQL | CREATE TEMP TABLE jobs_kept (id INT, name VARCHAR(50)); INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs; CREATE TEMP TABLE jobs_too (id INT, name VARCHAR(50)); INSERT INTO jobs_too SELECT * FROM jobs_kept;
            POSTGRESQL | CREATE TEMP TABLE jobs_kept (id INT, name VARCHAR(50)); INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs_new (id INT, name VARCHAR(50)); INSERT INTO jobs_new SELECT * FROM jobs_kept; DROP TABLE jobs_new;
            SQLSERVER  | CREATE TABLE #jobs_kept (id INT, name VARCHAR(50)); INSERT INTO #jobs_kept SELECT * FROM jobs; DROP TABLE jobs;
            """)
    void aCopyOnlyIntoATemporaryTableGuardsNoDrop(Dialect dialect, String script) throws IOException {
        List<Finding> drops = lint(dialect, script);

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
        assertEquals(3, drops.get(0).location().line());
        assertTrue(drops.get(0).message().contains("temporary table"), drops.get(0).message());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE TEMP TABLE jobs_kept (id INT, name VARCHAR(50)); INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept; | rows copied to jobs_kept at line 2, a temporary table whose rows line 5 copies on to jobs
            ORACLE     | CREATE GLOBAL TEMPORARY TABLE jobs_kept (id INT, name VARCHAR(50)) ON COMMIT PRESERVE ROWS; INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs_new (id INT, name VARCHAR(50)); INSERT INTO jobs_new SELECT * FROM jobs_kept; | rows copied to jobs_kept at line 2, a temporary table whose rows line 5 copies on to jobs_new
            SQLITE     | CREATE TEMPORARY TABLE jobs_kept (id, name); INSERT INTO jobs_kept SELECT id, name FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id, name); INSERT INTO jobs SELECT id, name FROM jobs_kept; DROP TABLE jobs_kept; | rows copied to jobs_kept at line 2, a temporary table whose rows line 5 copies on to jobs
            POSTGRESQL | CREATE TEMP TABLE jobs_kept (id INT, name VARCHAR(50)); INSERT INTO jobs_kept (id, name) SELECT id, name FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs (id, name) SELECT id, name FROM jobs_kept; | rows copied to jobs_kept at line 2, a temporary table whose rows line 5 copies on to jobs
            POSTGRESQL | CREATE TABLE jobs_kept (id INT, name VARCHAR(50)); INSERT INTO jobs_kept SELECT * FROM jobs; DROP TABLE jobs; | rows copied to jobs_kept at line 2
            """)
    void aTemporaryCopyThatTheRunCopiesOnGuardsTheDrop(Dialect dialect, String script, String guard)
            throws IOException {
        List<Finding> drops = lint(dialect, script);

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("(guarded: " + guard + ")"), drops.get(0).message());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE TEMP TABLE jobs_kept AS SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept; | rows copied to jobs_kept at line 1, a temporary table whose rows line 4 copies on to jobs
            POSTGRESQL | CREATE TEMPORARY TABLE jobs_kept AS SELECT id, name FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs (id, name) SELECT id, name FROM jobs_kept; | rows copied to jobs_kept at line 1, a temporary table whose rows line 4 copies on to jobs
            MYSQL      | CREATE TEMPORARY TABLE jobs_kept AS SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept; | rows copied to jobs_kept at line 1, a temporary table whose rows line 4 copies on to jobs
            MYSQL      | CREATE TEMPORARY TABLE jobs_kept SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept; | rows copied to jobs_kept at line 1, a temporary table whose rows line 4 copies on to jobs
            ORACLE     | CREATE GLOBAL TEMPORARY TABLE jobs_kept ON COMMIT PRESERVE ROWS AS SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept; | rows copied to jobs_kept at line 1, a temporary table whose rows line 4 copies on to jobs
            SQLSERVER  | SELECT * INTO #jobs_kept FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM #jobs_kept; | rows copied to #jobs_kept at line 1, a temporary table whose rows line 4 copies on to jobs
            SQLSERVER  | SELECT id, name INTO #jobs_kept FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs (id, name) SELECT id, name FROM #jobs_kept; | rows copied to #jobs_kept at line 1, a temporary table whose rows line 4 copies on to jobs
            SQLSERVER  | SELECT * INTO jobs_kept FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept; DROP TABLE jobs_kept; | rows copied to jobs_kept at line 1
            SQLITE     | CREATE TEMP TABLE jobs_kept AS SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept; | rows copied to jobs_kept at line 1, a temporary table whose rows line 4 copies on to jobs
            """)
    void aTemporaryTableMadeByItsCopyGuardsTheDropWhenTheRunCopiesItBack(Dialect dialect, String script, String guard)
            throws IOException {
        List<Finding> drops = lint(dialect, script);

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("(guarded: " + guard + ")"), drops.get(0).message());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE TEMP TABLE jobs_kept AS SELECT * FROM jobs; DROP TABLE jobs;
            POSTGRESQL | CREATE TEMP TABLE jobs_kept AS SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs_new (id INT, name VARCHAR(50)); INSERT INTO jobs_new SELECT * FROM jobs_kept; DROP TABLE jobs_new;
            POSTGRESQL | CREATE TEMP TABLE jobs_kept AS SELECT * FROM jobs WHERE id > 10; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept;
            POSTGRESQL | CREATE TEMP TABLE jobs_kept AS SELECT id FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs (id) SELECT id FROM jobs_kept;
            MYSQL      | CREATE TEMPORARY TABLE jobs_kept AS SELECT * FROM jobs; DROP TABLE jobs;
            ORACLE     | CREATE GLOBAL TEMPORARY TABLE jobs_kept ON COMMIT PRESERVE ROWS AS SELECT * FROM jobs; DROP TABLE jobs;
            ORACLE     | CREATE GLOBAL TEMPORARY TABLE jobs_kept AS SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_kept;
            SQLSERVER  | SELECT * INTO #jobs_kept FROM jobs; DROP TABLE jobs;
            SQLSERVER  | SELECT * INTO #jobs_kept FROM jobs WHERE id > 10; DROP TABLE jobs; CREATE TABLE jobs (id INT, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM #jobs_kept;
            SQLITE     | CREATE TEMP TABLE jobs_kept AS SELECT * FROM jobs; DROP TABLE jobs;
            """)
    void aTemporaryTableMadeByACopyThatIsNotCopiedBackInFullGuardsNoDrop(Dialect dialect, String script)
            throws IOException {
        List<Finding> drops = lint(dialect, script);

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
        assertEquals(2, drops.get(0).location().line());
    }

    @Test
    void anOracleTemporaryTableThatKeepsRowsToTheCommitIsEmptiedByTheDropItself() throws IOException {
        List<Finding> drops = lint(Dialect.ORACLE, "CREATE GLOBAL TEMPORARY TABLE jobs_kept (id INT, name VARCHAR(50));\n"
                + "INSERT INTO jobs_kept SELECT * FROM jobs;\nDROP TABLE jobs;\n"
                + "CREATE TABLE jobs (id INT, name VARCHAR(50));\nINSERT INTO jobs SELECT * FROM jobs_kept;");

        assertEquals(1, drops.size(), drops.toString());
        assertEquals("DROP TABLE removes table jobs and all its rows (rows copied to jobs_kept at line 2, a temporary"
                + " table that the commit of this DROP empties before a later statement could copy its rows on)",
                drops.get(0).message());
        assertEquals(Severity.ERROR, drops.get(0).severity());
    }

    /** The drops of table jobs, which the first migration creates, in the second. */
    private List<Finding> lint(Dialect dialect, String script) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE jobs (id INT, name VARCHAR(50));\n");
        TestProject.write(project, "db/V2__change.sql", script.replace("; ", ";\n") + "\n");
        return ProjectLint.findings(project, dialect).stream().filter(f -> f.ruleId().equals("drop-table")
                && f.location().path().endsWith("V2__change.sql") && f.message().contains("table jobs ")).toList();
    }
}
