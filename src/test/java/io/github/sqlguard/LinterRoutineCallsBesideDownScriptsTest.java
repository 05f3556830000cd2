package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each down script is replayed on its own copy of the schema, which shares the routines created so far with the
 * main replay: a copy that never calls a routine must not take away the body a later up migration runs.
 */
class LinterRoutineCallsBesideDownScriptsTest {

    @TempDir
    Path project;

    @Test
    void aCallInALaterUpMigrationStillRunsTheBody() throws IOException {
        write("db/000001_init.up.sql", """
                CREATE TABLE customers (id INT PRIMARY KEY, name TEXT);
                CREATE FUNCTION purge_customers() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM customers;
                END;
                $$;
                """);
        write("db/000001_init.down.sql", "DROP FUNCTION purge_customers();\nDROP TABLE customers;\n");
        write("db/000002_purge.up.sql", "SELECT purge_customers();\n");
        write("db/000002_purge.down.sql", "SELECT 1;\n");

        // The down script drops the table its up script created: at INFO.
        assertEquals(List.of("db/000001_init.down.sql:2:1 drop-table INFO",
                "db/000001_init.up.sql:4:3 delete-without-where INFO",
                "db/000002_purge.up.sql:1:1 delete-without-where ERROR"), reported());
    }

    @Test
    void aDownScriptThatCallsAnEarlierRoutineRunsItsBody() throws IOException {
        write("db/000001_init.up.sql", """
                CREATE TABLE audit (id INT PRIMARY KEY, note TEXT);
                CREATE FUNCTION clear_audit() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  TRUNCATE audit;
                END;
                $$;
                """);
        write("db/000002_notes.up.sql", "ALTER TABLE audit ADD COLUMN author TEXT;\n");
        write("db/000002_notes.down.sql", "SELECT clear_audit();\nALTER TABLE audit DROP COLUMN author;\n");

        // Down scripts run only on a revert: their findings are warnings by default; the column its up script added
        // holds only what was written since, so its drop is at INFO.
        assertEquals(List.of("db/000001_init.up.sql:4:3 truncate-table INFO",
                "db/000002_notes.down.sql:1:1 truncate-table WARNING",
                "db/000002_notes.down.sql:2:19 drop-column INFO"), reported());
    }

    /** The findings, information included (a routine body where it is defined is reported at INFO). */
    private List<String> reported() {
        LintResult result = TestProject.lint(project, Dialect.POSTGRESQL);
        return result.findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }
}
