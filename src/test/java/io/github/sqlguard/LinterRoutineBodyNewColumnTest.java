package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Upgrade scripts wrap a column change in a helper routine they call once ({@code IF NOT EXISTS (..) THEN ALTER
 * TABLE t ADD c ..; UPDATE t SET c = name; END IF;}): the UPDATE only fills the column the same stretch of the
 * body added just before, as it would at the script's top level, and overwrites nothing. A column added by the
 * script outside the body that runs it later does not count. A body called once, right after its definition, runs
 * on the table as the script left it, as a DO block there would: a column a branch added to a table known in full
 * without it is either new or absent after the branch, so filling it after END IF overwrites nothing either.
 */
class LinterRoutineBodyNewColumnTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | IF n = 0 THEN ALTER TABLE svc ADD COLUMN label VARCHAR(255); UPDATE svc SET label = name; END IF; | update-without-where INFO guarded
            POSTGRESQL | IF n = 0 THEN ALTER TABLE svc ADD COLUMN label VARCHAR(255); END IF; UPDATE svc SET label = name; | update-without-where INFO guarded
            POSTGRESQL | ALTER TABLE svc ADD COLUMN label VARCHAR(255); UPDATE svc SET name = 'x'; | update-without-where ERROR
            POSTGRESQL | UPDATE svc SET label = name; | update-without-where ERROR
            """)
    void aFunctionFillingTheColumnItAddedOverwritesNothing(Dialect dialect, String body, String expected)
            throws IOException {
        createTable();
        String sql = (body.startsWith("UPDATE") ? "ALTER TABLE svc ADD COLUMN label VARCHAR(255);\n" : "")
                + "CREATE OR REPLACE FUNCTION add_label() RETURNS void AS $$\nDECLARE\n  n integer := 0;\nBEGIN\n"
                + body.replace("; ", ";\n") + "\nEND;\n$$ LANGUAGE plpgsql;\n"
                // Written between the definition and the call, the column may hold values when the body runs.
                + (body.startsWith("UPDATE") ? "INSERT INTO svc (id, label) VALUES (1, 'a');\n" : "")
                + "SELECT add_label();";
        assertEquals(List.of(expected), judged(ProjectLint.findingsOfScript(project, dialect, sql)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL   | update-without-where INFO guarded
            MARIADB | update-without-where INFO guarded
            """)
    void aMySqlProcedureFillingTheColumnItAddedOverwritesNothing(Dialect dialect, String expected)
            throws IOException {
        createTable();
        String sql = """
                DELIMITER ;;
                CREATE PROCEDURE add_label() BEGIN
                  IF NOT EXISTS (SELECT * FROM information_schema.columns WHERE column_name = 'label') THEN
                    ALTER TABLE svc ADD label VARCHAR(255) DEFAULT NULL;
                    UPDATE svc SET label = name;
                  END IF;
                END;;
                DELIMITER ;
                CALL add_label();
                DROP PROCEDURE add_label;
                """;
        assertEquals(List.of(expected), judged(ProjectLint.findingsOfScript(project, dialect, sql)));
    }

    /** An earlier migration creates the table, so that its rows are worth keeping when the script runs. */
    private void createTable() throws IOException {
        Path file = project.resolve("db/V0__create.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "CREATE TABLE svc (id INT, name VARCHAR(10));\n", StandardCharsets.UTF_8);
    }

    /** {@code "rule SEVERITY"}, with {@code guarded} after it when the script's own steps guard the finding. */
    private static List<String> judged(List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals("update-without-where"))
                .map(f -> f.ruleId() + " " + f.severity() + (f.message().contains("(guarded: ") ? " guarded" : ""))
                .toList();
    }
}
