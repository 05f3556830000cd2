package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code INSERT INTO t_new SELECT * FROM t} fills the columns of {@code t_new} by position, not by name. When the
 * two tables hold the same columns in another order, each value lands in the wrong column, and the copy keeps no
 * column as it was: it guards no drop of its source, whose message says where a value went. Columns renamed on the
 * way, which the target does not name as the source does, are the copy's design and are not flagged.
 */
class LinterPositionalCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ORACLE     | CREATE TABLE steps_new (id INT, status VARCHAR(10), exit_code VARCHAR(10)); INSERT INTO steps_new SELECT * FROM steps; DROP TABLE steps; | ERROR DROP TABLE removes table steps and all its rows (values of exit_code copied to steps_new at line 2 land in its column status: SELECT * fills columns by position, and steps_new has exit_code elsewhere; values of status copied to steps_new at line 2 land in its column exit_code: SELECT * fills columns by position, and steps_new has status elsewhere)
            POSTGRESQL | CREATE TABLE steps_new (id INT, exit_code VARCHAR(10), state VARCHAR(10)); INSERT INTO steps_new SELECT * FROM steps; DROP TABLE steps; | INFO DROP TABLE removes table steps and all its rows (guarded: rows copied to steps_new at line 2)
            POSTGRESQL | CREATE TABLE steps_new (id INT, exit_code VARCHAR(10), status VARCHAR(10)); INSERT INTO steps_new SELECT * FROM steps; DROP TABLE steps; | INFO DROP TABLE removes table steps and all its rows (guarded: rows copied to steps_new at line 2)
            MYSQL      | CREATE TABLE steps_new (id INT, status VARCHAR(10), exit_code VARCHAR(10)); INSERT INTO steps_new (id, exit_code, status) SELECT * FROM steps; DROP TABLE steps; | INFO DROP TABLE removes table steps and all its rows (guarded: rows copied to steps_new at line 2)
            """)
    void aCopyByPositionIntoColumnsOrderedOtherwiseGuardsNoDrop(Dialect dialect, String script, String message)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE steps (id INT, exit_code VARCHAR(10), status VARCHAR(10));\n");
        TestProject.write(project, "db/V2__rebuild.sql", script.replace("; ", ";\n") + "\n");
        List<String> drops = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("drop-table") && f.location().path().endsWith("V2__rebuild.sql"))
                .map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(List.of(message), drops);
    }
}
