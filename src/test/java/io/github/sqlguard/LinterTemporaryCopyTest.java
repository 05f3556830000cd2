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

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE     | CREATE TEMPORARY TABLE jobs_backup (id, name); INSERT INTO jobs_backup SELECT id, name FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT PRIMARY KEY, name VARCHAR(50)); INSERT INTO jobs SELECT id, name FROM jobs_backup; DROP TABLE jobs_backup;
            SQLITE     | CREATE TEMP TABLE jobs_backup (id INT, name VARCHAR(50)); INSERT INTO jobs_backup SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT PRIMARY KEY, name VARCHAR(50)); INSERT INTO jobs (id, name) SELECT id, name FROM jobs_backup; DROP TABLE jobs_backup;
            POSTGRESQL | CREATE TEMP TABLE jobs_backup (id INT, name VARCHAR(50)); INSERT INTO jobs_backup SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT PRIMARY KEY, name VARCHAR(50)); INSERT INTO jobs SELECT * FROM jobs_backup; DROP TABLE jobs_backup;
            """)
    void aRebuildThroughATemporaryBackupThatCopiesEveryColumnBackLosesNothing(Dialect dialect, String script)
            throws IOException {
        List<String> drops = dropsOfTheChange(dialect, script);

        assertEquals(List.of("3 INFO", "6 INFO"), drops);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE     | CREATE TEMPORARY TABLE jobs_backup (id, name); INSERT INTO jobs_backup SELECT id, name FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT PRIMARY KEY, name VARCHAR(50)); INSERT INTO jobs SELECT id, NULL FROM jobs_backup; DROP TABLE jobs_backup;
            SQLITE     | CREATE TEMP TABLE jobs_backup (id INT, name VARCHAR(50)); INSERT INTO jobs_backup SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT PRIMARY KEY, name VARCHAR(50)); INSERT INTO jobs (id) SELECT id FROM jobs_backup; DROP TABLE jobs_backup;
            POSTGRESQL | CREATE TEMP TABLE jobs_backup (id INT, name VARCHAR(50)); INSERT INTO jobs_backup SELECT * FROM jobs; DROP TABLE jobs; CREATE TABLE jobs (id INT PRIMARY KEY, name VARCHAR(50)); INSERT INTO jobs (id) SELECT id FROM jobs_backup; DROP TABLE jobs_backup;
            """)
    void aCopyBackFromATemporaryBackupThatLeavesAColumnOutIsALoss(Dialect dialect, String script)
            throws IOException {
        List<Finding> drops = lintChange(dialect, script).stream()
                .filter(f -> f.ruleId().equals("drop-table") && f.location().line() == 6).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().endsWith("(the copy to jobs at line 5 leaves out column name, whose values"
                + " are lost)"), drops.get(0).message());
    }

    @Test
    void aTemporaryTableGoesWithTheScriptThatMadeIt() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE jobs (id INT, name VARCHAR(50));\n");
        TestProject.write(project, "db/V2__change.sql", "CREATE TEMP TABLE scratch (v VARCHAR(10));\n");
        TestProject.write(project, "db/V3__later.sql", "ALTER TABLE scratch ALTER COLUMN v TYPE VARCHAR(5);\n");

        List<Finding> retypes = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("alter-column-type")).toList();

        assertEquals(1, retypes.size(), retypes.toString());
        assertEquals("ALTER TABLE scratch changes the type of column v to VARCHAR(5) (its type before is not known:"
                + " table scratch is a temporary table, which went with the session of the script that made it)",
                retypes.get(0).message());
    }

    /** {@code "line SEVERITY"} of each drop-table finding of {@code script}, run after the migration creating jobs. */
    private List<String> dropsOfTheChange(Dialect dialect, String script) throws IOException {
        return lintChange(dialect, script).stream().filter(f -> f.ruleId().equals("drop-table"))
                .map(f -> f.location().line() + " " + f.severity()).toList();
    }

    /** Every finding in the second migration, {@code script}, run after the first creates table jobs. */
    private List<Finding> lintChange(Dialect dialect, String script) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE jobs (id INT, name VARCHAR(50));\n");
        TestProject.write(project, "db/V2__change.sql", script.replace("; ", ";\n") + "\n");
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.location().path().endsWith("V2__change.sql")).toList();
    }

    /** The drops of table jobs, which the first migration creates, in the second. */
    private List<Finding> lint(Dialect dialect, String script) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE jobs (id INT, name VARCHAR(50));\n");
        TestProject.write(project, "db/V2__change.sql", script.replace("; ", ";\n") + "\n");
        return ProjectLint.findings(project, dialect).stream().filter(f -> f.ruleId().equals("drop-table")
                && f.location().path().endsWith("V2__change.sql") && f.message().contains("table jobs ")).toList();
    }
}
