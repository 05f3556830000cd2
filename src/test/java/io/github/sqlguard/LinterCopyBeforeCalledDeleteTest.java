package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy a migration makes before it calls a routine an earlier migration created keeps the rows that routine's
 * body then deletes or drops, as it would if the body were written at the call; what undoes the copy first (the
 * script, or the body itself) leaves the loss reported.
 */
class LinterCopyBeforeCalledDeleteTest {

    private static final String TABLES = """
            CREATE TABLE audit_entry (id BIGINT PRIMARY KEY, ts BIGINT NOT NULL, body TEXT);
            CREATE TABLE audit_entry_old (id BIGINT PRIMARY KEY, ts BIGINT NOT NULL, body TEXT);
            """;

    private static final String PURGE = """
            CREATE OR REPLACE PROCEDURE purge_audit()
                LANGUAGE plpgsql AS
            $$
            BEGIN
                %s
                DELETE FROM audit_entry;
            END
            $$;
            """;

    @TempDir
    Path project;

    @Test
    void aWholeCopyBeforeTheCallGuardsTheBodysDelete() throws IOException {
        TestProject.write(project, "db/V1__tables.sql", TABLES);
        TestProject.write(project, "db/V2__purge.sql", PURGE.formatted(""));
        TestProject.write(project, "db/V3__archive.sql", """
                INSERT INTO audit_entry_old SELECT * FROM audit_entry;
                CALL purge_audit();
                """);

        assertEquals(List.of("db/V3__archive.sql:2:1 INFO DELETE without WHERE removes every row of audit_entry"
                + " (guarded: rows copied to audit_entry_old at line 1) (at db/V2__purge.sql:6:5, in purge_audit,"
                + " which an earlier migration created and this statement calls)"), callFindings());
    }

    @Test
    void aCopyTheScriptEmptiesBeforeTheCallGuardsNothing() throws IOException {
        TestProject.write(project, "db/V1__tables.sql", TABLES);
        TestProject.write(project, "db/V2__purge.sql", PURGE.formatted(""));
        TestProject.write(project, "db/V3__archive.sql", """
                INSERT INTO audit_entry_old SELECT * FROM audit_entry;
                TRUNCATE audit_entry_old;
                CALL purge_audit();
                """);

        assertEquals(List.of("db/V3__archive.sql:3:1 ERROR DELETE without WHERE removes every row of audit_entry"
                + " (at db/V2__purge.sql:6:5, in purge_audit, which an earlier migration created and this statement"
                + " calls)"), callFindings());
    }

    @Test
    void aCopyTheBodyEmptiesBeforeItsDeleteGuardsNothing() throws IOException {
        TestProject.write(project, "db/V1__tables.sql", TABLES);
        TestProject.write(project, "db/V2__purge.sql", PURGE.formatted("DELETE FROM audit_entry_old WHERE ts > 0;"));
        TestProject.write(project, "db/V3__archive.sql", """
                INSERT INTO audit_entry_old SELECT * FROM audit_entry;
                CALL purge_audit();
                """);

        assertEquals(List.of("db/V3__archive.sql:2:1 ERROR DELETE without WHERE removes every row of audit_entry"
                + " (at db/V2__purge.sql:6:5, in purge_audit, which an earlier migration created and this statement"
                + " calls)"), callFindings());
    }

    @Test
    void aCopyOfSomeRowsBeforeTheCallGuardsNothing() throws IOException {
        TestProject.write(project, "db/V1__tables.sql", TABLES);
        TestProject.write(project, "db/V2__purge.sql", PURGE.formatted(""));
        TestProject.write(project, "db/V3__archive.sql", """
                INSERT INTO audit_entry_old SELECT * FROM audit_entry WHERE ts < 1000;
                CALL purge_audit();
                """);

        assertEquals(List.of("db/V3__archive.sql:2:1 ERROR DELETE without WHERE removes every row of audit_entry"
                + " (the copy to audit_entry_old at line 1 keeps only the rows its WHERE selects)"
                + " (at db/V2__purge.sql:6:5, in purge_audit, which an earlier migration created and this statement"
                + " calls)"), callFindings());
    }

    @Test
    void aCopyInOnlyOneArmOfABranchGuardsNothing() throws IOException {
        TestProject.write(project, "db/V1__tables.sql", TABLES);
        TestProject.write(project, "db/V2__purge.sql", PURGE.formatted(""));
        TestProject.write(project, "db/V3__archive.sql", """
                DO $$
                BEGIN
                    IF (SELECT count(*) FROM audit_entry) > 10 THEN
                        INSERT INTO audit_entry_old SELECT * FROM audit_entry;
                    END IF;
                    CALL purge_audit();
                END
                $$;
                """);

        assertEquals(List.of("db/V3__archive.sql:6:5 ERROR DELETE without WHERE removes every row of audit_entry"
                + " (at db/V2__purge.sql:6:5, in purge_audit, which an earlier migration created and this statement"
                + " calls) (inside DO block)"), callFindings());
    }

    /** The findings the call of the routine makes, with the body's place made relative to the project. */
    private List<String> callFindings() {
        String root = project.toString() + "/";
        return TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.location().toString().contains("V3__") && f.message().contains("purge_audit"))
                .map(f -> (f.location() + " " + f.severity() + " " + f.message()).replace(root, ""))
                .toList();
    }
}
